// Where the extension's shipped programs live inside the installed extension (or the repository when
// developing): the language server bundle and the mlsec CLI bundle. Paths only; nothing is started.
import path from 'node:path';

export interface ExtensionPaths {
  /** `node server/dist/server.js --stdio` */
  server: string;
  /** `node --no-node-snapshot debug-adapter/dist/cli.js <command>` (run, dap, ...). */
  cli: string;
}

export function extensionPaths(extensionRoot: string): ExtensionPaths {
  return {
    server: path.join(extensionRoot, 'server', 'dist', 'server.js'),
    cli: path.join(extensionRoot, 'debug-adapter', 'dist', 'cli.js'),
  };
}
