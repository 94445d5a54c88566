#!/usr/bin/env -S node --no-node-snapshot
// The `mlsec` command. Node starts without its startup snapshot because the one-shot CLI may host
// isolated-vm isolates in its own process (SANDBOX.md); everything else lives in the bundle.
import '../dist/cli.js';
