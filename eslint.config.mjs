// One lint configuration for the workspace (typescript-eslint, type-aware rules kept light so lint
// stays fast). Layering rules: grammar/ must not import I/O or editor/sandbox packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/out/**',
      '**/dist/**',
      'test/conformance/**',
      '.vscode-test/**',
      'test-artifacts/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['grammar/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'net', 'http', 'https', 'os'],
              message: 'grammar/ does no I/O.',
            },
            { group: ['vscode', 'vscode-*', '@vscode/*', 'isolated-vm'], message: 'grammar/ is the language core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'debug-adapter/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only client/ imports vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**', 'debug-adapter/bin/**'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
);
