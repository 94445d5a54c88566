// The ways to start the server: the bundle over stdio (every other test), `--socket=PORT` to a
// client listening on 127.0.0.1, `--node-ipc`, and `mlsec lsp` from the bundled CLI; bad arguments
// are usage errors.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { REPO, SERVER, uriOf, WS } from './client.js';

const CLI = path.join(REPO, 'debug-adapter', 'dist', 'cli.js');

/** initialize → open a file with a problem → its diagnostics → shutdown/exit; returns the codes and exit code. */
async function session(
  connection: ProtocolConnection,
  child: ChildProcess,
): Promise<{ codes: string[]; exit: number | null }> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const uri = uriOf(path.join(WS, 'bad.ml'));
  const published = new Promise<string[]>((resolve) =>
    connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; diagnostics: { code: string }[] }) => {
        if (p.uri === uri) resolve(p.diagnostics.map((d) => d.code));
      },
    ),
  );
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(WS), capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'ml', version: 1, text: 'import os;\n' },
  });
  const codes = await published;
  await connection.sendRequest('shutdown', null);
  await connection.sendNotification('exit', null);
  const exit = await exited;
  connection.dispose();
  return { codes, exit };
}

describe('transports', () => {
  test('--socket=PORT connects to a client listening on 127.0.0.1', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: 'ignore' });
    const socket = await accepted;
    const connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const result = await session(connection, child);
    server.close();
    expect(result).toEqual({ codes: ['SEC007'], exit: 0 });
  });

  test('--node-ipc talks over the parent process channel', async () => {
    const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    expect(await session(connection, child)).toEqual({ codes: ['SEC007'], exit: 0 });
  });

  test('mlsec lsp --node-ipc relays the parent channel to the server', async () => {
    const child = spawn(process.execPath, [CLI, 'lsp', '--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    expect(await session(connection, child)).toEqual({ codes: ['SEC007'], exit: 0 });
  });

  test('mlsec lsp runs the server over stdio', async () => {
    const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    expect(await session(connection, child)).toEqual({ codes: ['SEC007'], exit: 0 });
  });

  test.each([
    [[SERVER, '--sockets=1'], "mlsec-lsp: unknown argument '--sockets=1'"],
    [[SERVER, '--socket=http'], "mlsec-lsp: invalid port in '--socket=http'"],
    [[CLI, 'lsp', '--socket=0'], "mlsec lsp: --socket needs a port number between 1 and 65535, got '0'"],
    [[CLI, 'lsp', '--stdio', '--node-ipc'], 'mlsec lsp: choose one of --stdio, --socket=PORT and --node-ipc'],
  ])('bad arguments %j are a usage error', (args, message) => {
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  test('mlsec lsp --help describes the transports', () => {
    const result = spawnSync(process.execPath, [CLI, 'lsp', '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('usage: mlsec lsp [--stdio | --socket=PORT | --node-ipc]');
  });
});
