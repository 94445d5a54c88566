// Packaging smoke test: runs one ML program through a (staged) `mlsec dap` with a noDebug launch and
// reports whether the adapter's run result says ok. Catches a broken bundle or native addon before
// a .vsix is made. Plain DAP over stdio; bounded by a timeout; never touches the program's folder.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

function frame(message) {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`), json]);
}

/** Resolves `{ ok: true }` or `{ ok: false, reason }`. */
export function smokeRun(cliPath, cwd, program, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', cliPath, 'dap'], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let seq = 1;
    let buffer = Buffer.alloc(0);
    let stderr = '';
    let settled = false;
    const send = (command, args = {}) =>
      child.stdin.write(frame({ seq: seq++, type: 'request', command, arguments: args }));
    const settle = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      resolve(value);
    };
    const timer = setTimeout(() => settle({ ok: false, reason: `no run result within ${timeoutMs} ms` }), timeoutMs);
    const onMessage = (m) => {
      if (m.type === 'response' && !m.success) settle({ ok: false, reason: `${m.command}: ${m.message}` });
      else if (m.type === 'response' && m.command === 'initialize') send('launch', { program, cwd, noDebug: true });
      else if (m.type === 'event' && m.event === 'initialized') send('configurationDone');
      else if (m.type === 'event' && m.event === 'mlsec.runResult') {
        const error = m.body?.error;
        settle(
          m.body?.ok === true
            ? { ok: true }
            : { ok: false, reason: error ? `${error.kind}: ${error.message}` : 'the run failed' },
        );
      }
    };
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        const length = end < 0 ? NaN : Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString())?.[1]);
        if (Number.isNaN(length) || buffer.length < end + 4 + length) return;
        const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
        buffer = buffer.subarray(end + 4 + length);
        try {
          onMessage(JSON.parse(body));
        } catch {
          return settle({ ok: false, reason: 'the adapter sent a message that is not JSON' });
        }
      }
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) =>
      settle({ ok: false, reason: `the adapter exited with code ${code}${stderr ? `: ${stderr.trim()}` : ''}` }),
    );
    child.on('error', (error) => settle({ ok: false, reason: error.message }));
    send('initialize', {
      clientID: 'mlsec-package',
      adapterID: 'ml',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
    });
  });
}
