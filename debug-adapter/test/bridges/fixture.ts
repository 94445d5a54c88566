// A throwaway folder tree for bridge and threat tests: a run root with data, symlinks that lead out
// of it, and bait files outside it whose state is recorded so a test can prove nothing outside the
// granted tree was touched.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBridges, type RunBridges } from '../../src/bridges/index.js';
import type { ExecRequest } from '../../src/sandbox/engine.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import type { AuditRecord, SandboxLimits } from '../../src/sandbox/types.js';

export interface Fixture {
  /** The test's temp folder (everything the test creates lives below it). */
  base: string;
  /** The run root (program folder). */
  root: string;
  /** A folder outside the root holding bait files. */
  outside: string;
  /** Fingerprint of everything outside `root` (paths, sizes, contents, mtimes). */
  outsideState(): string;
  dispose(): void;
}

export function makeFixture(): Fixture {
  const base = mkdtempSync(path.join(tmpdir(), 'mlsec-sbx-'));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'data/sub'), { recursive: true });
  mkdirSync(path.join(root, 'out'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(root, 'data/a.txt'), 'hello\nworld\n');
  writeFileSync(path.join(root, 'data/sub/b.csv'), 'x,y\n1,2\n');
  writeFileSync(path.join(root, 'data/.hidden'), 'h');
  writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET');
  symlinkSync(outside, path.join(root, 'data/link-out'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'data/secret-link.txt'));
  symlinkSync(path.join(outside, 'new.txt'), path.join(root, 'out/dangling.txt'));
  const fingerprint = (dir: string): string[] => {
    const out: string[] = [];
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (p === root) continue;
      const st = statSync(p, { throwIfNoEntry: false });
      if (st === undefined) {
        out.push(`${p} (dangling)`);
      } else if (st.isDirectory()) {
        out.push(`${p}/ ${st.mtimeMs}`, ...fingerprint(p));
      } else {
        out.push(`${p} ${st.size} ${st.mtimeMs} ${readFileSync(p, 'utf8')}`);
      }
    }
    return out;
  };
  return {
    base,
    root,
    outside,
    outsideState: () => fingerprint(base).join('\n'),
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Replaces `${root}`, `${outside}` and `${base}` in a string. */
export function subst(text: string, f: Fixture): string {
  return text.replaceAll('${root}', f.root).replaceAll('${outside}', f.outside).replaceAll('${base}', f.base);
}

export function execRequest(
  f: Fixture,
  allow: string[],
  deny: string[] = [],
  limits?: Partial<SandboxLimits>,
  auditOnly = false,
): ExecRequest {
  return {
    program: { code: '', file: path.join(f.root, 'main.ml') },
    declared: [],
    capabilities: { allow: allow.map((a) => subst(a, f)), deny: deny.map((d) => subst(d, f)), auditOnly },
    rootDir: f.root,
    args: ['one', 'two'],
    env: { HOME_DIR: '/home/user', APP_MODE: 'test', SECRET_TOKEN: 'abc' },
    stdin: 'first line\nsecond\r\n',
    randomSeed: 42,
    limits: resolveLimits(limits),
  };
}

/** Bridges for one run over the fixture, recording audit events. */
export function bridgesFor(
  f: Fixture,
  allow: string[],
  deny: string[] = [],
  limits?: Partial<SandboxLimits>,
  auditOnly = false,
): { bridges: RunBridges; audit: AuditRecord[] } {
  const audit: AuditRecord[] = [];
  const created = createBridges({
    request: execRequest(f, allow, deny, limits, auditOnly),
    internalRoots: [],
    audit: (events) => audit.push(...events),
    input: () => Promise.resolve(null),
    flushOutput: () => undefined,
  });
  if ('error' in created) throw new Error(created.error);
  return { bridges: created.bridges, audit };
}
