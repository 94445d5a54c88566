// Host side of `log.add_file`: checks log:write and file:write on the real path and keeps the file
// open for appending (it counts against the open-files limit); `log.write_file` appends one log
// line to every added file. Every descriptor is closed when the run ends.
import { constants, writeSync } from 'node:fs';
import { str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { checkedPath } from './file.js';
import { closeChecked, fsError, openChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

export interface LogFiles {
  bridges: Record<string, SyncBridge>;
  close(): void;
}

export function logFileBridges(env: BridgeEnv): LogFiles {
  const open = new Map<string, { fd: number; shown: string }>();
  return {
    bridges: {
      /** add_file(file_path): later log lines (log.write_file) are appended to this file too. */
      'log.add_file': (args) => {
        const path = str(args, 0, 'add_file', 'file_path');
        env.gate.require({ resource: 'log', operation: 'write' }, { functionName: 'log.add_file' });
        const real = checkedPath(env, 'write', path, 'log.add_file');
        if (open.has(real)) return null;
        const fd = openChecked(env.files, real, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, path);
        open.set(real, { fd, shown: path });
        return null;
      },
      /** write_file(text): appends one formatted log line to every file added so far. */
      'log.write_file': (args) => {
        const data = Buffer.from(str(args, 0, 'write_file', 'text'), 'utf8');
        if (data.length > env.limits.fileWriteBytes) {
          throw new BridgeError(
            'ValueError',
            `log line exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`,
          );
        }
        for (const entry of open.values()) {
          try {
            let off = 0;
            while (off < data.length) off += writeSync(entry.fd, data, off, data.length - off);
          } catch (e) {
            throw fsError(e, entry.shown);
          }
        }
        return null;
      },
    },
    close() {
      for (const { fd } of open.values()) closeChecked(env.files, fd);
      open.clear();
    },
  };
}
