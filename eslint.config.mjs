// ESLint flat config: typescript-eslint with type information (each room's tsconfig.json), Lit and web-component
// rules for the browser rooms. Formatting is Prettier's job: no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-studio/',
      'package/',
      'packages/',
      'coverage/',
      '.test-results/',
      'locales/generated/',
      'test/fixtures/',
      // What the tests and tools write at run time (the LRS conformance suite, the LRS database, studio snapshots).
      '.cache/',
      '.data/',
      '.studio/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused code is dead code; a leading underscore marks a parameter a signature requires. Rest siblings are how
      // an object is copied without some keys (`const { id, ...rest } = x`): the dropped keys are the point.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Template literals with numbers are how UI strings and ids are built.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      eqeqeq: ['error', 'smart'],
      // Comments and examples show full-width spaces on purpose (fill-in normalisation).
      'no-irregular-whitespace': [
        'error',
        { skipComments: true, skipStrings: true, skipRegExps: true, skipTemplates: true },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['components/**/*.ts', 'app/**/*.ts', 'tracking/**/*.ts', 'studio/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['components/**/*.ts', 'app/**/*.ts', 'tracking/**/*.ts', 'studio/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['components/**/*.ts', 'studio/**/*.ts'],
    rules: {
      // Lit binds `this` for `@event=${this.handler}` listeners, so class-method handlers are not unbound.
      '@typescript-eslint/unbound-method': 'off',
      // Lit's `updated()`/`firstUpdated()` and event handlers are called by Lit, which ignores their promises.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `changed.get('x') as T` is Lit's idiom: PropertyValues holds unknown values.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests: chai's `expect(x).to.be.true` is an expression statement; test doubles cast freely.
    files: [
      '**/*.test.ts',
      'components/**/test-support.ts',
      'components/**/keyboard.ts',
      'components/**/question-contract.ts',
      'test/**/*.ts',
      'core/testing/**',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowArray: true }],
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // In the browser tests the typings of @open-wc/testing make every chai assertion look like a promise: hundreds of
    // false reports. Awaiting fixtures and `updateComplete` is checked by the tests failing instead.
    files: ['components/**/*.test.ts', 'components/**/question-contract.ts', 'studio/**/*.test.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    // JavaScript config files and test-runner plugins run in Node; untyped, so the type-aware rules would only see `any`.
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // The preview LMS's pages (server/lms/public/) are plain browser scripts served as they are: not TypeScript, in no
    // tsconfig, so the type-aware rules cannot parse them; the plain JavaScript rules still apply.
    files: ['server/lms/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.browser,
    },
  },
);
