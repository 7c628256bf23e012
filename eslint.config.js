import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries from ARCHITECTURE.md, enforced here rather than remembered.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      '.native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'better-sqlite3',
        'react',
        'react-dom',
        '**/electron/**',
        '**/renderer/**',
      ],
      'shared/ is pure: no I/O, no Electron, no React, no other layer.',
    ),
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/server/**/*.ts'],
    rules: restrict(
      ['electron', '**/renderer/**', '**/main/**', '**/preload/**'],
      'The backend and the browser-mode host run in plain Node: no Electron, no renderer.',
    ),
  },
  {
    // The kpis command line drives the backend only through createBackend().dispatch, like the
    // app: its public face (backend/index, backend/platform), never its handlers or stores.
    files: ['electron/cli/**/*.ts'],
    rules: restrict(
      [
        'electron',
        '**/renderer/**',
        '**/main/**',
        '**/preload/**',
        '**/backend/**',
        '!**/backend/index',
        '!**/backend/platform',
      ],
      'The command line runs in plain Node and uses the backend only through createBackend().',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // zustand actions are arrow functions held in the store; destructuring them is the idiom.
      '@typescript-eslint/unbound-method': 'off',
      ...restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**'],
        'The renderer talks to the backend only through its API client.',
      ),
    },
  },
);
