// One vitest run for the whole workspace. Tests run in forked child processes started with
// --no-node-snapshot so that sandbox tests can load isolated-vm (worker threads reject the flag).
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// '@mlsec/grammar' and each of its subpath exports resolve to the TypeScript source they name under
// the 'mlsec-source' condition of grammar/package.json (tests need no build of the grammar).
const grammarDir = new URL('./grammar/', import.meta.url);
const grammarExports = (
  JSON.parse(readFileSync(new URL('package.json', grammarDir), 'utf8')) as {
    exports: Record<string, { 'mlsec-source': string }>;
  }
).exports;

export default defineConfig({
  resolve: {
    alias: Object.entries(grammarExports).map(([subpath, targets]) => ({
      find: new RegExp(`^@mlsec/grammar${subpath.slice(1)}$`),
      replacement: fileURLToPath(new URL(targets['mlsec-source'], grammarDir)),
    })),
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
