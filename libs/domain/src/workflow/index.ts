// The life of a target sheet: who edits it, its review workflow, what waits for whom, and the diff between its versions.
export * from './sheet-editors';
export * from './sheet-workflow';
export * from './inbox';
export * from './sheet-change-verb';
export * from './sheet-diff';
