// The http bridge against a server this test starts on 127.0.0.1: literal grants, private-address
// refusal, redirects re-checked at every hop, timeouts, size caps, header hygiene. Denied requests
// must never reach the server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeError } from '../../src/bridges/index.js';
import type { SandboxLimits } from '../../src/sandbox/types.js';
import { bridgesFor, makeFixture, type Fixture } from './fixture.js';

interface Case {
  name: string;
  allow: string[];
  op: string;
  /** `${port}` and `${other}` are replaced by the server's and an unused port. */
  args: unknown[];
  limits?: Partial<SandboxLimits>;
  status?: number;
  body?: string | RegExp;
  error?: [string, RegExp];
  /** Requests the server must have seen (paths). */
  seen: string[];
}

const LOCAL = 'http:*:http://127.0.0.1:${port}/**';

const CASES: Case[] = [
  {
    name: 'get with a literal grant',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/hello'],
    status: 200,
    body: 'hi',
    seen: ['/hello'],
  },
  {
    name: '127.0.0.1 with only another host granted',
    allow: ['http:get:https://api.example.com/**'],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/hello'],
    error: ['CapabilityError', /not granted/],
    seen: [],
  },
  {
    name: '127.0.0.1 is not covered by http:*:**',
    allow: ['http:*:**'],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/hello'],
    error: ['CapabilityError', /not granted/],
    seen: [],
  },
  {
    name: 'a non-granted host is refused before any lookup',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://exfiltrate.example.invalid/data'],
    error: ['CapabilityError', /not granted/],
    seen: [],
  },
  {
    name: 'method not granted',
    allow: ['http:get:http://127.0.0.1:${port}/**'],
    op: 'http.post',
    args: ['http://127.0.0.1:${port}/echo', { body: 'x' }],
    error: ['CapabilityError', /http:post/],
    seen: [],
  },
  {
    name: 'path outside the granted path',
    allow: ['http:get:http://127.0.0.1:${port}/hello'],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/echo'],
    error: ['CapabilityError', /not granted/],
    seen: [],
  },
  {
    name: 'redirect within the grant is followed',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/to-hello'],
    status: 200,
    body: 'hi',
    seen: ['/to-hello', '/hello'],
  },
  {
    name: 'redirect to a non-granted host is refused',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/to-elsewhere'],
    error: ['CapabilityError', /elsewhere\.example\.invalid/],
    seen: ['/to-elsewhere'],
  },
  {
    name: 'redirect to another local port is refused',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/to-other-port'],
    error: ['CapabilityError', /not granted/],
    seen: ['/to-other-port'],
  },
  {
    name: 'redirect loops stop',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/loop'],
    error: ['ConnectionError', /too many redirects/],
    seen: ['/loop', '/loop', '/loop', '/loop', '/loop', '/loop'],
  },
  {
    name: 'post with a JSON body',
    allow: [LOCAL],
    op: 'http.post',
    args: ['http://127.0.0.1:${port}/echo', { json: { a: 1 } }],
    status: 200,
    body: 'POST application/json {"a":1}',
    seen: ['/echo'],
  },
  {
    name: 'request with method from options',
    allow: [LOCAL],
    op: 'http.request',
    args: [{ method: 'PUT', url: 'http://127.0.0.1:${port}/echo', body: 'b' }],
    status: 200,
    body: /^PUT /,
    seen: ['/echo'],
  },
  {
    name: 'Host header cannot be overridden',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/host', { Host: 'internal.example' }],
    status: 200,
    body: '127.0.0.1:${port}',
    seen: ['/host'],
  },
  {
    name: 'header injection is refused',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/hello', { 'X-A': 'a\r\nX-B: b' }],
    error: ['ValueError', /invalid HTTP header/],
    seen: [],
  },
  {
    name: 'response over the size cap',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/big'],
    limits: { httpResponseBytes: 1000 },
    error: ['ValueError', /exceeds the sandbox's limit of 1000 bytes/],
    seen: ['/big'],
  },
  {
    name: 'timeout',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://127.0.0.1:${port}/slow', null, 0.2],
    error: ['TimeoutError', /timed out after 200 ms/],
    seen: ['/slow'],
  },
  {
    name: 'non-http scheme',
    allow: [LOCAL],
    op: 'http.get',
    args: ['file:///etc/passwd'],
    error: ['ValueError', /only http and https/],
    seen: [],
  },
  {
    name: 'credentials in the URL',
    allow: [LOCAL],
    op: 'http.get',
    args: ['http://u:p@127.0.0.1:${port}/hello'],
    error: ['ValueError', /credentials/],
    seen: [],
  },
];

describe('http bridge', () => {
  let server: Server;
  let port = 0;
  let other = 0;
  const seen: string[] = [];
  let f: Fixture;
  beforeAll(async () => {
    f = makeFixture();
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        switch (req.url) {
          case '/hello':
            res.end('hi');
            return;
          case '/to-hello':
            res.writeHead(302, { location: '/hello' }).end();
            return;
          case '/to-elsewhere':
            res.writeHead(302, { location: 'http://elsewhere.example.invalid/x' }).end();
            return;
          case '/to-other-port':
            res.writeHead(307, { location: `http://127.0.0.1:${other}/` }).end();
            return;
          case '/loop':
            res.writeHead(302, { location: '/loop' }).end();
            return;
          case '/echo':
            res.end(`${req.method} ${req.headers['content-type'] ?? ''} ${Buffer.concat(chunks).toString()}`);
            return;
          case '/host':
            res.end(req.headers.host ?? '');
            return;
          case '/big':
            res.end('x'.repeat(5000));
            return;
          case '/slow':
            return;
          default:
            res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    other = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    f.dispose();
  });

  it.each(CASES)('$name', async (c) => {
    seen.length = 0;
    const sub = (s: string): string => s.replaceAll('${port}', String(port)).replaceAll('${other}', String(other));
    const fill = (v: unknown): unknown =>
      typeof v === 'string'
        ? sub(v)
        : v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
          : v;
    const { bridges } = bridgesFor(f, c.allow.map(sub), [], c.limits);
    const fn = bridges.table.async[c.op]!;
    try {
      const result = await fn(c.args.map(fill)).then(
        (value) => ({ value, error: null }),
        (error: unknown) => ({ value: null, error }),
      );
      if (c.error) {
        expect(result.error, JSON.stringify(result.value)).toBeInstanceOf(BridgeError);
        expect((result.error as BridgeError).kind).toBe(c.error[0]);
        expect((result.error as BridgeError).message).toMatch(c.error[1]);
      } else {
        if (result.error) throw result.error;
        const r = result.value as { status: number; body: string };
        expect(r.status).toBe(c.status);
        if (typeof c.body === 'string') expect(r.body).toBe(sub(c.body));
        else if (c.body) expect(r.body).toMatch(c.body);
      }
      expect(seen).toEqual(c.seen);
    } finally {
      bridges.close();
    }
  });
});
