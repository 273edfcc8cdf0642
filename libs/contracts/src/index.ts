export * from './dataset/dataset.types';
export * from './api/auth.contract';
export * from './api/target-sheet.contract';
