export type { GridMerge, GridTab, GridWorkbook } from './grid';
export { columnLetter } from './grid';
export { readTargetWorkbook, type ReadTargetWorkbookOptions } from './read-target-workbook';
