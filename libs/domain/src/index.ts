// Public surface of libs/domain: pure rules of the domain, no Nest, no database.
export * from './target-spec';
export * from './calendar';
export * from './target-spec-check';
export * from './parse-target';
export * from './units';
export * from './money';
export * from './completion';
export * from './recurring';
export * from './scoring';
export * from './lights';
export * from './format-target-spec';
export * from './review';
export * from './workflow';
export * from './monitoring';
export * from './actual-check';
export * from './format-actual';
export * from './typed-input';
