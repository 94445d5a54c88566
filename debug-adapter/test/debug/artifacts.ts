// Builds what debugger tests run against: the sandbox worker and runtime bundle (shared with the
// sandbox tests) plus the debug agent bundle, into debug-adapter/out/test-sandbox/. The agent is
// built exactly as scripts/bundle.mjs ships it (IIFE, platform neutral, one global name).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTestArtifacts, repoRoot } from '../sandbox/artifacts.js';

export interface DebugTestArtifacts {
  workerPath: string;
  runtimePath: string;
  agentPath: string;
}

let cached: Promise<DebugTestArtifacts> | null = null;

async function buildAgent(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'debug-adapter/src/debug/agent/index.ts')],
    bundle: true,
    write: false,
    logLevel: 'silent',
    platform: 'neutral',
    format: 'iife',
    globalName: '__mlsecDebugAgent',
    target: 'node20',
  });
  const text = result.outputFiles![0]!.text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const dir = path.join(repoRoot, 'debug-adapter/out/test-sandbox');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `debug-agent-${hash}.js`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}

export function buildDebugArtifacts(): Promise<DebugTestArtifacts> {
  cached ??= (async () => {
    const [base, agentPath] = await Promise.all([buildTestArtifacts(), buildAgent()]);
    if (base.runtimePath === null) throw new Error('the runtime bundle entry is missing');
    return { workerPath: base.workerPath, runtimePath: base.runtimePath, agentPath };
  })();
  return cached;
}
