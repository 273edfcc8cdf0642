export * from './dataset';
export * from './api/auth.contract';
export * from './api/target-sheet.contract';
export * from './api/execution.contract';
export * from './api/evaluation.contract';
export * from './api/inbox.contract';
export * from './api/error-codes';
