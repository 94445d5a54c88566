// The real CliIO: Node's file errors become short reasons, never stack traces.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FileError } from '../../src/cli/io.js';
import { nodeIO } from '../../src/cli/node-io.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('reads and writes UTF-8 files', async () => {
  const io = nodeIO();
  await io.writeFile(join(dir, 'a.ml'), 'print("é");\n');
  expect(readFileSync(join(dir, 'a.ml'), 'utf8')).toBe('print("é");\n');
  expect(await io.readFile(join(dir, 'a.ml'))).toBe('print("é");\n');
});

test.each([
  ['a missing file', 'missing.ml', 'no such file'],
  ['a directory', '', 'is a directory'],
])('reading %s fails with a clear reason', async (_what, name, reason) => {
  const path = join(dir, name);
  const error = await nodeIO()
    .readFile(path)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileError);
  expect(error).toMatchObject({ path, reason, message: `${path}: ${reason}` });
});
