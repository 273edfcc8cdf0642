// 系统管理: accounts, passwords and the organization tree's placement rules.
export * from './password-policy';
export * from './account-rules';
