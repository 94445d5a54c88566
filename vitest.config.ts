// One vitest run for the whole workspace. Tests run in forked child processes started with
// --no-node-snapshot so that sandbox tests can load isolated-vm (worker threads reject the flag).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@mlsec/grammar': fileURLToPath(new URL('./grammar/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{grammar,server,debug-adapter,client,syntaxes,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/out/**', '**/dist/**', 'test/vscode-electron/**'],
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
