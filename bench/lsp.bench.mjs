// Language-server benchmarks: replays recorded client traffic (test/lsp/fixtures/bench/session.jsonl,
// an editing session on a 2,000-line file, then 200 more open documents) against the BUILT server
// (server/dist/server.js, over stdio) and reports: start to first diagnostics; p50/p95 latency of
// diagnostics after an edit (debounce subtracted), hover, completion, semantic tokens, symbols,
// folding, code lens; and the server's resident memory with 201 open documents (when the last
// diagnostics arrive, and settled: 1.5 s later).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { expand } from '../test/lsp/fixtures/bench/corpus.mjs';

const SERVER = fileURLToPath(new URL('../server/dist/server.js', import.meta.url));
const SESSION = fileURLToPath(new URL('../test/lsp/fixtures/bench/session.jsonl', import.meta.url));
/** The server's diagnostics debounce (server/src/diagnostic-scheduler.ts). */
const DEBOUNCE_MS = 150;
/** Longer than the idle collector's quiet period (1 s). */
const SETTLE_MS = 1500;

/** A minimal LSP framing client over the child's stdio that records arrival times. */
function connect(child) {
  let buffer = Buffer.alloc(0);
  const pending = new Map();
  const diagnostics = new Map();
  const diagnosticWaiters = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      const now = performance.now();
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message, now);
        pending.delete(message.id);
      } else if (message.method === 'textDocument/publishDiagnostics') {
        diagnostics.set(message.params.uri, { version: message.params.version, at: now });
        for (const w of [...diagnosticWaiters])
          if (w.uri === message.params.uri && (message.params.version ?? 0) >= w.version) {
            diagnosticWaiters.splice(diagnosticWaiters.indexOf(w), 1);
            w.resolve(now);
          }
      } else if (message.id !== undefined) {
        // Server → client requests (workspace/configuration, registrations): answer like a client.
        const result = message.method === 'workspace/configuration' ? message.params.items.map(() => ({})) : null;
        write({ jsonrpc: '2.0', id: message.id, result });
      }
    }
  });
  const write = (message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  return {
    send(message) {
      const sent = performance.now();
      if (message.id === undefined || message.method === undefined) {
        write(message);
        return Promise.resolve({ sent, at: sent });
      }
      return new Promise((resolve, reject) => {
        pending.set(message.id, (response, at) =>
          response.error
            ? reject(new Error(`${message.method}: ${response.error.message}`))
            : resolve({ sent, at, result: response.result }),
        );
        write(message);
      });
    },
    diagnosticsFor(uri, version) {
      const have = diagnostics.get(uri);
      if (have && (have.version ?? 0) >= version) return Promise.resolve(have.at);
      return new Promise((resolve) => diagnosticWaiters.push({ uri, version, resolve }));
    },
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

export async function run(emit) {
  const entries = readFileSync(SESSION, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const client = connect(child);
  const samples = new Map();
  const sample = (name, value) => (samples.get(name) ?? samples.set(name, []).get(name)).push(value);
  let lastSent = started;
  const state = {};

  for (const entry of entries) {
    if (entry.send) {
      const { sent, at, result } = await client.send(expand(entry.send, state));
      if (typeof result?.resultId === 'string') state.resultId = result.resultId;
      lastSent = sent;
      if (entry.measure) sample(entry.measure, at - sent);
    } else if (entry.wait === 'diagnostics') {
      const at = await client.diagnosticsFor(entry.uri, entry.version);
      if (entry.measure === 'lsp.start_to_first_diagnostics') sample(entry.measure, at - started);
      else if (entry.measure) sample(entry.measure, Math.max(0, at - lastSent - DEBOUNCE_MS));
    } else if (entry.measure?.startsWith('lsp.memory_')) {
      // Right when the last diagnostics arrive, and once the server has been quiet for longer than
      // its idle collector waits (server/src/idle-collector.ts): what an editor sees afterwards.
      sample(`${entry.measure}_at_last_diagnostics`, residentMb(child.pid));
      await setTimeout(SETTLE_MS);
      sample(entry.measure, residentMb(child.pid));
    }
  }
  await exited;

  for (const [name, values] of samples) {
    const sorted = [...values].sort((a, b) => a - b);
    if (name.startsWith('lsp.memory_')) emit({ name, unit: 'MB', value: sorted[0] });
    else if (name === 'lsp.start_to_first_diagnostics') emit({ name, unit: 'ms', value: sorted[0] });
    else {
      emit({ name: `${name}.p50`, unit: 'ms', value: percentile(sorted, 50) });
      emit({ name: `${name}.p95`, unit: 'ms', value: percentile(sorted, 95) });
    }
  }
}
