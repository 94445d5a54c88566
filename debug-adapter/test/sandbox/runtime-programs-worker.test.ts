// The runtime's conformance-style programs (grammar/test/runtime/fixtures/programs, also run
// in-process by grammar/test/runtime/programs.test.ts) through the sandbox worker: the isolate
// bundle must print exactly the same text as the in-process runtime.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTestArtifacts } from './artifacts.js';
import { describeWorkerPrograms } from './worker-programs.js';

describeWorkerPrograms(
  'runtime programs in the sandbox worker',
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../grammar/test/runtime/fixtures/programs'),
  await buildTestArtifacts(),
);
