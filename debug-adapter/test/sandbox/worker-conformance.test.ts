// Regression: isolates restored from a runtime snapshot lost every string method (each call failed
// with "internal runtime error") while in-process runs worked. The worker path (debugger, VS Code
// "Run in Sandbox") must print exactly what the conformance programs expect, run after run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTestArtifacts } from './artifacts.js';
import { describeWorkerPrograms } from './worker-programs.js';

describeWorkerPrograms(
  'conformance programs in the sandbox worker',
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/conformance'),
  await buildTestArtifacts(),
);
