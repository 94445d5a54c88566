// Host side of `log.add_file`: checks log:write and file:write on the real path, keeps the file
// open for appending (it counts against the open-files limit) and appends each log line written
// to it. Every descriptor is closed when the run ends.
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
  const open = new Map<number, { fd: number; shown: string }>();
  let next = 1;
  return {
    bridges: {
      /** Returns a handle for log.writeFile. */
      'log.addFile': (args) => {
        const path = str(args, 0, 'add_file', 'file_path');
        env.gate.require({ resource: 'log', operation: 'write' }, { functionName: 'log.add_file' });
        const real = checkedPath(env, 'write', path, 'log.add_file');
        const fd = openChecked(env.files, real, constants.O_WRONLY | constants.O_CREAT | constants.O_APPEND, path);
        const handle = next++;
        open.set(handle, { fd, shown: path });
        return handle;
      },
      'log.writeFile': (args) => {
        const handle = args[0];
        const entry = typeof handle === 'number' ? open.get(handle) : undefined;
        if (entry === undefined) throw new BridgeError('ValueError', 'log file is not open');
        const data = Buffer.from(str(args, 1, 'log', 'text'), 'utf8');
        if (data.length > env.limits.fileWriteBytes) {
          throw new BridgeError('ValueError', `log line exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`);
        }
        try {
          let off = 0;
          while (off < data.length) off += writeSync(entry.fd, data, off, data.length - off);
        } catch (e) {
          throw fsError(e, entry.shown);
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
