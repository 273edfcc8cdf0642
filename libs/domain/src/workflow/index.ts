// The life of a target sheet: who edits it, its review workflow, and the diff between its versions.
export * from './sheet-editors';
export * from './sheet-workflow';
export * from './sheet-diff';
