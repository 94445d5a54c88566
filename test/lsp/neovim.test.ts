// Headless Neovim (Debian `neovim`, 0.7.2) as a real LSP client: pushed diagnostics carry the rule
// id, hover over file.read shows the capability it needs, go to definition jumps to the function,
// rename changes every reference. Neovim writes what it saw to JSON; this test reads it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureText, REPO, SERVER } from './client.js';
import { copyWorkspace, type WorkspaceCopy } from './workspace-copy.js';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const HAVE_NVIM = NVIM.status === 0;
const IN_CI = process.env['CI'] === 'true';

interface NeovimResults {
  started: boolean;
  errors: string[];
  diagnostics?: { code: string; line: number; col: number; message: string }[];
  hover?: string[];
  definition_from?: [number, number];
  definition_to?: [number, number];
  definition_line?: string;
  rename?: string[];
  server_exit?: number;
}

describe('neovim', () => {
  test('nvim is installed (required in CI)', () => {
    if (!HAVE_NVIM && IN_CI)
      expect.fail(
        'nvim is not installed: the Neovim LSP test needs Debian package `neovim` (apt-get install -y neovim)',
      );
    expect(HAVE_NVIM || !IN_CI).toBe(true);
  });

  describe.skipIf(!HAVE_NVIM)('headless client (skipped: nvim not installed; apt-get install -y neovim)', () => {
    let ws: WorkspaceCopy;
    let results: NeovimResults;

    beforeAll(() => {
      ws = copyWorkspace();
      const out = ws.file('neovim-results.json');
      const run = spawnSync(
        'nvim',
        ['--headless', '--clean', '-n', '-u', path.join(REPO, 'test', 'lsp', 'neovim', 'init.lua')],
        {
          env: { ...process.env, MLSEC_SERVER: SERVER, MLSEC_WS: ws.root, MLSEC_OUT: out },
          encoding: 'utf8',
          timeout: 100_000,
        },
      );
      if (run.error) throw run.error;
      results = JSON.parse(readFileSync(out, 'utf8')) as NeovimResults;
    });
    afterAll(() => ws?.remove());

    test('Neovim is 0.7 or newer and ran every step', () => {
      expect(NVIM.stdout).toMatch(/^NVIM v0\.(7|8|9|10|11)\./);
      expect(results.started).toBe(true);
      expect(results.errors).toEqual([]);
    });

    test('pushed diagnostics carry the rule ids', () => {
      expect(results.diagnostics?.map((d) => [d.code, d.line, d.col])).toEqual([
        ['SEC007', 1, 7],
        ['SEC001', 2, 4],
      ]);
    });

    test('hover over file.read shows the capability it needs and the verdict', () => {
      const text = (results.hover ?? []).join('\n');
      expect(text).toContain("file.read(path, encoding='utf-8') -> string");
      expect(text).toContain(`file:read:${ws.root}/data/x.csv\` ✓ granted by profile 'data_processing'`);
    });

    test('go to definition jumps to the function', () => {
      expect(results.definition_to).toEqual([15, 9]);
      expect(results.definition_line).toBe('function report() {');
    });

    test('rename changes every reference of the global, not the shadowing ones', () => {
      const expected = fixtureText('scopes.ml')
        .replace('count = 0;', 'tally = 0;')
        .replace('nonlocal count;', 'nonlocal tally;')
        .replace('count = count + 1;', 'tally = tally + 1;')
        .replace('print(count,', 'print(tally,');
      expect(results.rename?.join('\n')).toBe(expected.replace(/\n$/, ''));
    });

    test('the server exits cleanly when Neovim stops it', () => {
      expect(results.server_exit).toBe(0);
    });
  });
});
