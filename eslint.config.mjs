// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders a layer may not import from: imports flow one way (extension, server, cli -> core, protocol; webview -> protocol). */
const layerPatterns = (forbidden, message) => forbidden.map((group) => ({ group: [group], message }));
const layer = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: layerPatterns(forbidden, message) }],
});

/** Every Node built-in, bare and `node:`-prefixed, and their subpaths (`fs/promises` is in the list). */
const nodeBuiltins = [
  ...new Set(builtinModules.flatMap((m) => [m.replace(/^node:/, ''), `node:${m.replace(/^node:/, '')}`])),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      '.vscode-test/',
      'test/fixtures/',
      'test-results/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'No default exports.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      ...layer(
        [
          'vscode',
          'vscode-languageserver*',
          'vscode-languageclient*',
          '**/extension/**',
          '**/server/**',
          '**/cli/**',
          '**/webview/**',
        ],
        'core and protocol stay free of editor, server and front-end code.',
      ),
      'no-console': 'error',
      // Protocol files follow vscode-languageserver's style: one namespace per custom message.
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      ...layer(
        ['vscode', '**/extension/**', '**/cli/**', '**/webview/**'],
        'The server imports only core and protocol.',
      ),
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: layer(
      ['vscode', '**/extension/**', '**/webview/**'],
      'The CLI imports core, protocol and server only.',
    ),
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: layer(
      ['**/server/**', '**/cli/**', '**/webview/**'],
      'The extension talks to the server over LSP, not by import.',
    ),
  },
  {
    files: ['src/webview/**/*.ts'],
    // Its unit tests run in Node, beside the modules they test.
    ignores: ['src/webview/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // The webview runs in a browser: `fs` fails there as surely as `node:fs`, so both spellings are named.
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The webview runs in a browser: no Node built-in.',
          })),
          patterns: [
            ...layerPatterns(
              ['vscode', '**/core/**', '**/extension/**', '**/server/**', '**/cli/**'],
              'The webview imports protocol only.',
            ),
            // Prefix-only built-ins (node:test, node:sqlite) are missing from builtinModules.
            { group: ['node:*'], message: 'The webview runs in a browser: no Node built-in.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
