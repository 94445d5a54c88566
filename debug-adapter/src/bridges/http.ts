// Host side of the `http` module. Before any network activity (even DNS) the URL is checked; the
// host name is then resolved, the address re-checked (loopback/private addresses need a literal
// grant) and connected to directly (no second resolution); every redirect repeats all of it.
// Timeouts and a response-size cap apply; nothing of Node's response object reaches the isolate.
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { optNum, optStrRecord, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { BridgeError, type AsyncBridge } from './types.js';

export interface HttpResponseData {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  url: string;
}

interface Outgoing {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
  timeoutMs: number;
}

const MAX_REDIRECTS = 5;
const FORBIDDEN_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'upgrade',
]);
const METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);

function parseUrl(raw: string, fn: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BridgeError('ValueError', `${fn}(): invalid URL '${raw.slice(0, 200)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BridgeError('ValueError', `${fn}(): only http and https URLs are supported`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new BridgeError('ValueError', `${fn}(): credentials in the URL are not supported; use a header`);
  }
  return url;
}

/** Request body and content type from an options object (`body`, `data` or `json`). */
function bodyOf(options: Record<string, unknown>, headers: Record<string, string>, fn: string): Buffer | null {
  const setType = (t: string): void => {
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = t;
  };
  if (options['json'] !== undefined && options['json'] !== null) {
    setType('application/json');
    return Buffer.from(JSON.stringify(options['json']), 'utf8');
  }
  const data = options['body'] ?? options['data'];
  if (data === undefined || data === null) return null;
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (typeof data === 'object' && !Array.isArray(data)) {
    setType('application/x-www-form-urlencoded');
    return Buffer.from(new URLSearchParams(optStrRecord([data], 0, fn, 'data')).toString(), 'utf8');
  }
  throw new BridgeError('TypeError', `${fn}(): body must be a string or an object`);
}

function cleanHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(k) || /[\r\n\0]/.test(v)) {
      throw new BridgeError('ValueError', `invalid HTTP header '${k.slice(0, 100)}'`);
    }
    if (!FORBIDDEN_HEADERS.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}

export function httpBridges(env: BridgeEnv): { bridges: Record<string, AsyncBridge>; close(): void } {
  const active = new Set<{ destroy(): void }>();

  /** Checks, resolves, re-checks; returns the address to connect to. */
  const authorize = async (method: string, url: URL, fn: string): Promise<string> => {
    const site = { functionName: `http.${fn}` };
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (isIP(host) !== 0) {
      env.gate.require({ resource: 'http', operation: method, target: url.href, resolvedAddress: host }, site);
      return host;
    }
    // Decide before any network activity: a refused host is never even resolved.
    if (!env.gate.peek({ resource: 'http', operation: method, target: url.href })) {
      env.gate.require({ resource: 'http', operation: method, target: url.href }, site);
    }
    let address: string;
    try {
      address = (await lookup(host, { verbatim: true })).address;
    } catch {
      throw new BridgeError('ConnectionError', `cannot resolve host '${host}'`);
    }
    env.gate.require({ resource: 'http', operation: method, target: url.href, resolvedAddress: address }, site);
    return address;
  };

  const once = (out: Outgoing, url: URL, address: string): Promise<{ res: IncomingMessage; body: Buffer }> =>
    new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error: BridgeError | null, value?: { res: IncomingMessage; body: Buffer }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        active.delete(handle);
        if (error) reject(error);
        else resolve(value!);
      };
      const fixed: LookupFunction = (_host, options, cb) => {
        const family = isIP(address);
        if ((options as { all?: boolean }).all)
          (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
        else cb(null, address, family);
      };
      const headers: OutgoingHttpHeaders = { ...out.headers };
      if (out.body !== null) headers['content-length'] = String(out.body.length);
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: out.method.toUpperCase(),
        headers,
        lookup: fixed,
        agent: false,
      });
      const fail = (error: BridgeError): void => {
        settle(error);
        req.destroy();
      };
      const handle = { destroy: () => fail(new BridgeError('ConnectionError', 'the run ended')) };
      active.add(handle);
      const timer = setTimeout(
        () => fail(new BridgeError('TimeoutError', `request to ${url.host} timed out after ${out.timeoutMs} ms`)),
        out.timeoutMs,
      );
      req.on('error', () => fail(new BridgeError('ConnectionError', `cannot connect to ${url.host}`)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > env.limits.httpResponseBytes) {
            fail(
              new BridgeError(
                'ValueError',
                `response from ${url.host} exceeds the sandbox's limit of ${env.limits.httpResponseBytes} bytes`,
              ),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => settle(null, { res, body: Buffer.concat(chunks) }));
        res.on('error', () => fail(new BridgeError('ConnectionError', `connection to ${url.host} failed`)));
        res.on('aborted', () => fail(new BridgeError('ConnectionError', `connection to ${url.host} was closed early`)));
      });
      req.end(out.body ?? undefined);
    });

  const send = async (fn: string, first: Outgoing): Promise<HttpResponseData> => {
    let out = first;
    let url = parseUrl(out.url, fn);
    for (let hop = 0; ; hop++) {
      const address = await authorize(out.method, url, fn);
      const { res, body } = await once(out, url, address);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && typeof location === 'string') {
        if (hop >= MAX_REDIRECTS)
          throw new BridgeError('ConnectionError', `too many redirects (more than ${MAX_REDIRECTS})`);
        const next = parseUrl(new URL(location, url).href, fn);
        const toGet = status === 303 || ((status === 301 || status === 302) && out.method === 'post');
        const headers = { ...out.headers };
        if (next.origin !== url.origin) {
          for (const k of Object.keys(headers))
            if (['authorization', 'cookie'].includes(k.toLowerCase())) delete headers[k];
        }
        out = { ...out, url: next.href, method: toGet ? 'get' : out.method, body: toGet ? null : out.body, headers };
        url = next;
        continue;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      return {
        status,
        statusText: res.statusMessage ?? '',
        headers,
        body: out.method === 'head' ? '' : body.toString('utf8'),
        url: url.href,
      };
    }
  };

  const timeoutOf = (ms: number): number => Math.max(1, Math.min(env.limits.httpTimeoutMs, ms));
  /** get/delete/head(url, headers=None, timeout=None); timeout in seconds as in the reference. */
  const simple =
    (method: string): AsyncBridge =>
    async (args) => {
      const url = str(args, 0, method, 'url');
      const headers = cleanHeaders(optStrRecord(args, 1, method, 'headers'));
      const seconds = optNum(args, 2, method, 'timeout', env.limits.httpTimeoutMs / 1000);
      return send(method, { method, url, headers, body: null, timeoutMs: timeoutOf(seconds * 1000) });
    };
  const fromOptions = (
    fn: string,
    method: string,
    url: string,
    options: Record<string, unknown>,
  ): Promise<HttpResponseData> => {
    const headers = cleanHeaders(optStrRecord([options['headers']], 0, fn, 'headers'));
    const body = bodyOf(options, headers, fn);
    const seconds = optNum([options['timeout']], 0, fn, 'timeout', env.limits.httpTimeoutMs / 1000);
    return send(fn, { method, url, headers, body, timeoutMs: timeoutOf(seconds * 1000) });
  };
  const withBody =
    (method: string): AsyncBridge =>
    async (args) => {
      const options = args[1] ?? {};
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw new BridgeError('TypeError', `${method}() options must be an object`);
      }
      return fromOptions(method, method, str(args, 0, method, 'url'), options as Record<string, unknown>);
    };

  return {
    bridges: {
      'http.get': simple('get'),
      'http.delete': simple('delete'),
      'http.head': simple('head'),
      'http.post': withBody('post'),
      'http.put': withBody('put'),
      'http.patch': withBody('patch'),
      'http.request': async (args) => {
        const options = args[0];
        if (typeof options !== 'object' || options === null || Array.isArray(options)) {
          throw new BridgeError('TypeError', 'request() options must be an object');
        }
        const o = options as Record<string, unknown>;
        const method = (typeof o['method'] === 'string' ? o['method'] : 'get').toLowerCase();
        if (!METHODS.has(method))
          throw new BridgeError('ValueError', `request(): unsupported method '${method.slice(0, 20)}'`);
        return fromOptions('request', method, str([o['url']], 0, 'request', 'url'), o);
      },
    },
    close() {
      for (const a of active) a.destroy();
      active.clear();
    },
  };
}
