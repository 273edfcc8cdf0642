export * from './dataset.types';
export * from './validate-dataset';
export * from './serialize-dataset';
export * from './dataset-money-rules';
export * from './read/dataset-reading';
export * from './read/disclosure-text';
export * from './read/workbook';
