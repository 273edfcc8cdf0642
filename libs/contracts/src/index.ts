export * from './dataset';
export * from './api/auth.contract';
export * from './api/target-sheet.contract';
