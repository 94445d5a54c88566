// Process entry of the bundled CLI (dist/cli.js, started by bin/mlsec.js): runs main with the real
// I/O and sets the exit code. It must stay this small; everything testable lives in main.ts.
import { main } from './main.js';
import { nodeIO } from './node-io.js';

process.exitCode = await main(process.argv.slice(2), nodeIO());
