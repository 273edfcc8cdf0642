// TZ=UTC: deadlines like `N月底` are computed in UTC (CONVENTIONS §11).
process.env.TZ = 'UTC';

const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }];
const moduleNameMapper = {
  '^@jixiao/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@jixiao/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@jixiao/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@jixiao/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
};
// ESM-only packages (NestJS 12) are turned into CommonJS for Jest: see jest.esm-packages.js.
// PGlite's CommonJS build loads parts of itself with import(), which Jest's VM refuses without a flag.
const ESM_PACKAGES = ['@nestjs', '@electric-sql'];
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, [`^.+/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.c?js$`]: '<rootDir>/jest.esm-packages.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
};

module.exports = {
  testTimeout: 60000, // a global option: e2e suites start an app on a fresh database (PGlite's initdb takes seconds)
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'] },
    // apps/web's tests (plain functions and components through harnesses) run in Vitest: `npm run test:web`
    { ...base, displayName: 'api', testMatch: ['<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/apps/worker/**/*.spec.ts', '<rootDir>/test/scripts/*.spec.ts', '<rootDir>/test/ops/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
