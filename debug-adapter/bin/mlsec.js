#!/usr/bin/env -S node --no-node-snapshot
// The `mlsec` command. Node starts without its startup snapshot because the one-shot CLI may host
// isolated-vm isolates in its own process (SANDBOX.md); everything else lives in the bundle.
// CommonJS (bin/package.json says so): an ES module entry would load Node's ES module loader first.
// eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports -- a CommonJS file
require('../dist/cli.cjs');
