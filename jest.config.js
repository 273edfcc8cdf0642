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
const ESM_PACKAGES = ['@nestjs'];
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, '^.+/node_modules/(@nestjs)/.+\\.js$': '<rootDir>/jest.esm-packages.js' },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
};

module.exports = {
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'] },
    // the web app's plain functions (formatting, table layout); components are covered by the browser test
    { ...base, displayName: 'web', testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'] },
    { ...base, displayName: 'api', testMatch: ['<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/apps/worker/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 60000 },
  ],
};
