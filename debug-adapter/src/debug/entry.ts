// Entry points of the debug adapter: DAP over stdin/stdout (the default; nothing else may write to
// stdout), or a TCP server on 127.0.0.1 (`--server=PORT`) that runs one session per connection.
// Resolves when the session (stdio) or the server ends.
import { createServer, type Server } from 'node:net';
import type { RuntimeOptions } from './runtime/debug-runtime.js';
import { MlDebugSession } from './session/session.js';

export function runOverStdio(options: RuntimeOptions = {}): Promise<void> {
  const session = new MlDebugSession(options);
  session.start(process.stdin, process.stdout);
  return new Promise((resolve) => process.stdin.once('close', () => resolve()));
}

/** Listens on 127.0.0.1:`port` (0 picks a free port); `onListening` receives the port. */
export function runServer(
  port: number,
  options: RuntimeOptions = {},
  onListening?: (port: number) => void,
): Promise<void> {
  const server: Server = createServer((socket) => {
    const session = new MlDebugSession(options);
    session.setRunAsServer(true);
    socket.on('close', () => void session.runtime.dispose());
    session.start(socket, socket);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      onListening?.(typeof address === 'object' && address !== null ? address.port : port);
    });
    server.once('close', () => resolve());
  });
}
