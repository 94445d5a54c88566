// The command table: the one place a command is registered (one line per command, in help order).
import type { Command } from '../command.js';
import { benchCommand } from './bench.js';
import { capsCommand } from './caps.js';
import { checkCommand } from './check.js';
import { dapCommand } from './dap.js';
import { fmtCommand } from './fmt.js';
import { lspCommand } from './lsp.js';
import { runCommand } from './run.js';
import { transpileCommand } from './transpile.js';

export const COMMANDS: readonly Command[] = [
  checkCommand,
  runCommand,
  transpileCommand,
  capsCommand,
  fmtCommand,
  lspCommand,
  dapCommand,
  benchCommand,
];
