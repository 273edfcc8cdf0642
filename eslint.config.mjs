// @ts-check
// Lint for the whole repository: `npm run lint` (part of `npm test`). Rules that catch real bugs
// (promises, unused code, loose equality, import cycles) and the architectural boundaries of
// CONVENTIONS §1–§3 (what each library, the web and each Nest context may import).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import angular from 'angular-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

/** The bounded contexts of the API: every folder of apps/api/src but the shared core. */
const CONTEXTS = readdirSync(new URL('apps/api/src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'core')
  .map((entry) => entry.name);

const TS_FILES = ['**/*.ts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**', 'bench/**', '**/testing/**'];

/** A `no-restricted-imports` pattern from a regular expression over the import path. */
const forbid = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });

/** No API module reaches the database outside a context's persistence folder and core/database. */
const NO_DATABASE_HANDLES = [
  {
    name: 'typeorm',
    importNames: ['DataSource'],
    message: 'Queries live in <context>/persistence/*: inject that context\'s persistence class (or core/database Transactions), not the DataSource.',
  },
  {
    name: '@nestjs/typeorm',
    importNames: ['InjectDataSource', 'InjectEntityManager', 'InjectRepository', 'getDataSourceToken'],
    message: 'Only <context>/persistence/* and core/database get database handles injected.',
  },
];

/** The import rules of one file of context `context` (null: apps/api/src/core); `persistence`: inside its persistence folder. */
function apiImportRules(context, persistence) {
  const others = CONTEXTS.filter((c) => c !== context);
  const patterns = [
    forbid(`(^|/)(${others.join('|')})/persistence(/|$)`, 'Another context\'s tables are reached only through its exported service, never its persistence classes.'),
    forbid(
      `(^|/)(${others.join('|')})/entities(/|$)`,
      'Another context\'s entities stay inside it: call its exported service (a type-only import of an entity is allowed).',
      true,
    ),
    forbid('(^|/)apps/(web|worker)(/|$)', 'The API imports neither the web app nor the worker.'),
    forbid('^@angular/', 'The API imports no Angular.'),
  ];
  if (context !== null && !persistence) {
    // Services, controllers and jobs use entities as types; creating, finding or saving them is persistence's job.
    patterns.push(forbid('(^|/)entities/', 'Entities are queried in <context>/persistence/*: import them here as types only.', true));
  }
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { paths: persistence ? [] : NO_DATABASE_HANDLES, patterns }],
  };
}

/** The stable error codes (libs/contracts ErrorCode): code compares and throws `ErrorCode.X`, never the bare string. */
const ERROR_CODES = [
  ...readFileSync(new URL('libs/contracts/src/api/error-codes.ts', import.meta.url), 'utf8')
    .split('export const ErrorCode = {')[1]
    .split('}')[0]
    .matchAll(/^\s*([A-Z_]+):/gm),
].map((match) => match[1]);
const ERROR_CODE_PATTERN = `/^(${ERROR_CODES.join('|')})$/`;
const NO_ERROR_CODE_LITERALS = [
  { selector: `Literal[value=${ERROR_CODE_PATTERN}]`, message: 'An error code is ErrorCode.X (libs/contracts/src/api/error-codes.ts), not a bare string.' },
  {
    selector: `TemplateLiteral[expressions.length=0] > TemplateElement[value.raw=${ERROR_CODE_PATTERN}]`,
    message: 'An error code is ErrorCode.X (libs/contracts/src/api/error-codes.ts), not a bare string.',
  },
];

/** Services, controllers and jobs run no queries on an EntityManager themselves: they hand it to persistence classes. */
const NO_QUERIES_OUTSIDE_PERSISTENCE = [
  {
    selector: 'NewExpression[callee.name="EntityManager"]',
    message: 'No EntityManager is built by hand: transactions come from core/database Transactions.',
  },
  {
    selector:
      'CallExpression[callee.type="MemberExpression"][callee.object.name=/^(em|manager|tx|entityManager)$/][callee.property.name=/^(query|find|findBy|findOne|findOneBy|findOneOrFail|findOneByOrFail|count|countBy|exists|existsBy|insert|update|upsert|delete|save|remove|create|createQueryBuilder|getRepository|increment|decrement)$/]',
    message: 'Queries live in <context>/persistence/*: call a persistence method with the transaction instead.',
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', '.angular/**', 'data/**', 'coverage/**', 'test-results/**', 'bench/results/**', 'apps/web/public/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // --- JavaScript (scripts, browser tests, configs) -------------------------------------------
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always'],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['test/browser/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['jest.config.js', 'jest.esm-packages.js'], languageOptions: { sourceType: 'commonjs' } },

  // --- TypeScript everywhere, with the type-aware rules that find real bugs --------------------
  {
    files: TS_FILES,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { import: importPlugin },
    languageOptions: {
      parserOptions: {
        // the web app's sources and specs have their own programs (DOM lib, bundler resolution, Vitest globals); everything else is tsconfig.json
        project: ['./tsconfig.json', './apps/web/tsconfig.app.json', './apps/web/tsconfig.spec.json'],
        tsconfigRootDir: ROOT,
      },
    },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.json'] } },
      'import/ignore': ['node_modules'], // cycles run through our sources only: do not parse packages
    },
    rules: {
      // promises: a forgotten await loses errors and ordering
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      // dead code
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
      // a switch over a union misses no member
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': 'off', // the typescript-eslint version below (it knows type-only imports)
      // import cycles (relative imports; the @jixiao/* libraries import no app, see below)
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-self-import': 'error',
      // one concern per file: split, don't grow (blank lines and comments count)
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      // TypeScript checks these itself, better
      'no-undef': 'off',
      'no-redeclare': 'off',
    },
  },
  {
    files: TEST_FILES,
    rules: { 'max-lines': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },

  // --- Boundaries -------------------------------------------------------------------------------
  // libs/domain: pure rules — itself and big.js, nothing else (CONVENTIONS §1).
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [forbid('^(?!\\.{1,2}/|big\\.js$)', 'libs/domain imports nothing but itself and big.js (no Nest, TypeORM, BullMQ, node:, apps).')] },
      ],
    },
  },
  // libs/contracts: no ORM, no Nest, no app (CONVENTIONS §3).
  {
    files: ['libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              '^(?!\\.{1,2}/|@jixiao/domain(/|$)|class-validator$|class-transformer$)',
              'libs/contracts imports only itself, @jixiao/domain, class-validator and class-transformer (no ORM, no Nest, no app).',
            ),
          ],
        },
      ],
    },
  },
  // libs specs read fixtures from disk, but import no app either.
  {
    files: ['libs/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [forbid('(^|/)apps/', 'A library imports no app.'), forbid('^(@nestjs/|typeorm|bullmq)', 'Libraries import no Nest, TypeORM or BullMQ.')] },
      ],
    },
  },
  // the web never imports the API, the worker, or server packages.
  {
    files: ['apps/web/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid('(^|/)apps/(api|worker)(/|$)', 'The web app talks to the API over HTTP through @jixiao/contracts, never by importing it.'),
            forbid('^(@nestjs/|typeorm|bullmq|pg$|ioredis)', 'Server packages stay out of the web app.'),
          ],
        },
      ],
    },
  },
  // error codes: ErrorCode.X in the API and the web (the one list is libs/contracts/src/api/error-codes.ts).
  { files: ['apps/api/src/**/*.ts', 'apps/web/src/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...NO_ERROR_CODE_LITERALS] } },
  // the API: core (database handles only in core/database), then each context.
  { files: ['apps/api/src/core/**/*.ts'], rules: apiImportRules(null, false) },
  { files: ['apps/api/src/core/database/**/*.ts'], rules: apiImportRules(null, true) },
  // the one list of entities TypeORM loads
  { files: ['apps/api/src/core/database/entities.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  ...CONTEXTS.flatMap((context) => [
    {
      files: [`apps/api/src/${context}/**/*.ts`],
      rules: { ...apiImportRules(context, false), 'no-restricted-syntax': ['error', ...NO_QUERIES_OUTSIDE_PERSISTENCE, ...NO_ERROR_CODE_LITERALS] },
    },
    {
      files: [`apps/api/src/${context}/persistence/**/*.ts`, `apps/api/src/${context}/entities/**/*.ts`],
      rules: { ...apiImportRules(context, true), 'no-restricted-syntax': ['error', ...NO_ERROR_CODE_LITERALS] },
    },
  ]),
  // bootstrap and main run migrations on the application's DataSource; specs build what they test.
  {
    files: ['apps/api/src/*.ts', 'apps/api/src/**/*.spec.ts', 'apps/api/src/**/testing/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [forbid('(^|/)apps/(web|worker)(/|$)', 'The API imports neither the web app nor the worker.')] }] },
  },
  // the worker runs the API's modules (and its migrations), nothing of the web.
  {
    files: ['apps/worker/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [forbid('(^|/)apps/web(/|$)', 'The worker imports nothing of the web app.'), forbid('/persistence(/|$)', 'The worker registers modules, not persistence classes.')] },
      ],
    },
  },

  // tests assert the wire format (`'SHEET_LOCKED'`) and build what they test; the code → HTTP map names every code
  {
    files: [...TEST_FILES, 'apps/api/src/core/errors/error-codes.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },

  // --- Angular (the web app's TypeScript and templates) -----------------------------------------
  {
    files: ['apps/web/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'jx', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'jx', style: 'camelCase' }],
    },
  },
  {
    files: ['apps/web/src/**/*.html'],
    extends: [...angular.configs.templateRecommended],
    rules: {},
  },
  {
    // test hosts in component specs are throwaway components: whatever change detection drives the test best
    files: ['apps/web/src/**/*.spec.ts'],
    rules: { '@angular-eslint/prefer-on-push-component-change-detection': 'off' },
  },
);
