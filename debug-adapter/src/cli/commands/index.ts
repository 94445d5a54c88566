// The command table: the one place a command is registered (one line per command, in help order).
import type { Command } from '../command.js';
import { capsCommand } from './caps.js';
import { checkCommand } from './check.js';
import { dapCommand } from './dap.js';
import { fmtCommand } from './fmt.js';
import { lspCommand } from './lsp.js';

export const COMMANDS: readonly Command[] = [checkCommand, capsCommand, fmtCommand, lspCommand, dapCommand];
