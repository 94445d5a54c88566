// Host side of `crypto.hash_file`: checks crypto:hash and file:read on the real path, then hashes
// the checked file in chunks (bounded by the read limit: host work is not under the CPU watchdog).
import { createHash } from 'node:crypto';
import { constants, fstatSync, readSync } from 'node:fs';
import { optStr, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { checkedPath } from './file.js';
import { closeChecked, fsError, openChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);

export function cryptoFileBridges(env: BridgeEnv): Record<string, SyncBridge> {
  return {
    'crypto.hash_file': (args) => {
      const path = str(args, 0, 'hash_file', 'file_path');
      const algorithm = optStr(args, 1, 'hash_file', 'algorithm', 'sha256').toLowerCase();
      if (!ALGORITHMS.has(algorithm)) throw new BridgeError('ValueError', `unsupported hash algorithm: ${algorithm}`);
      env.gate.require({ resource: 'crypto', operation: 'hash' }, { functionName: 'crypto.hash_file' });
      const real = checkedPath(env, 'read', path, 'crypto.hash_file');
      const fd = openChecked(env.files, real, constants.O_RDONLY, path);
      try {
        if (fstatSync(fd).isDirectory()) throw new BridgeError('IsADirectoryError', `Is a directory: '${path}'`);
        const hash = createHash(algorithm);
        const chunk = Buffer.allocUnsafe(65536);
        let total = 0;
        for (;;) {
          const n = readSync(fd, chunk, 0, chunk.length, null);
          if (n === 0) break;
          total += n;
          if (total > env.limits.fileReadBytes) {
            throw new BridgeError(
              'MemoryError',
              `'${path}' is larger than the sandbox's read limit of ${env.limits.fileReadBytes} bytes`,
            );
          }
          hash.update(chunk.subarray(0, n));
        }
        return hash.digest('hex');
      } catch (e) {
        throw fsError(e, path);
      } finally {
        closeChecked(env.files, fd);
      }
    },
  };
}
