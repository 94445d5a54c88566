// HTTP URL matching, private-address rules, host canonicalisation, env names and host:port targets.
import { describe, expect, it } from 'vitest';
import {
  CapabilityContext,
  isLoopbackAddress,
  isPrivateAddress,
  parseRequestUrl,
  punycodeEncode,
} from '@mlsec/grammar';

function context(grants: string[]): CapabilityContext {
  const ctx = CapabilityContext.create({ root: '/proj' }).context!;
  for (const g of grants) expect(ctx.grant(g).issues.filter((i) => i.severity === 'error')).toEqual([]);
  return ctx;
}

describe('parseRequestUrl', () => {
  it.each([
    ['https://API.Example.COM/v1', 'https://api.example.com/v1'],
    ['http://example.com', 'http://example.com/'],
    ['https://example.com:8443/a/./b/../c?q=1#frag', 'https://example.com:8443/a/c?q=1'],
    ['https://example.com/a/%2e%2e/%7Euser/%2f', 'https://example.com/~user/%2F'],
    ['https://example.com./x', 'https://example.com/x'],
    ['http://2130706433/', 'http://127.0.0.1/'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
    ['http://0177.0.0.1/', 'http://127.0.0.1/'],
    ['http://[0:0:0:0:0:0:0:1]/', 'http://[::1]/'],
    ['https://münchen.de/', 'https://xn--mnchen-3ya.de/'],
    ['https://example。com/', 'https://example.com/'],
  ])('%s → %s', (input, href) => {
    const r = parseRequestUrl(input);
    expect(r.ok && r.url.href).toBe(href);
  });

  it.each([
    ['ftp://example.com/'],
    ['https://user:pw@example.com/'],
    ['https://good.com\\@evil.com/'],
    ['https://exa mple.com/'],
    ['https://example.com:0/'],
    ['https://example.com:70000/'],
    ['https://1.2.3.256/'],
    ['https://%65xample.com/'],
    ['//example.com/'],
    ['https://example.com/%00'],
  ])('rejects %s', (input) => {
    expect(parseRequestUrl(input).ok).toBe(false);
  });

  it('punycode follows RFC 3492', () => {
    expect(punycodeEncode('münchen')).toBe('mnchen-3ya');
    expect(punycodeEncode('bücher')).toBe('bcher-kva');
    expect(punycodeEncode('例え')).toBe('r8jz45g');
  });
});

describe('http grants', () => {
  const ctx = context([
    'http:get:https://api.example.com/v1/**',
    'http:*:https://*.example.org/**',
    'http:post:http://localhost:3000/**',
    'http:get:http://10.0.0.5/**',
    'http:get:**',
  ]);
  const table: [op: string, url: string, resolved: string | null, decision: string][] = [
    ['get', 'https://api.example.com/v1/users', '93.184.216.34', 'GRANTED'],
    ['get', 'https://API.EXAMPLE.COM:443/v1/../v1/x', '93.184.216.34', 'GRANTED'],
    ['post', 'https://api.example.com/v1/users', '93.184.216.34', 'DENIED'],
    ['post', 'https://a.example.org/x', '93.184.216.35', 'GRANTED'],
    ['post', 'https://a.b.example.org/x', '93.184.216.35', 'DENIED'],
    ['post', 'https://example.org/x', '93.184.216.35', 'DENIED'],
    ['post', 'http://a.example.org/x', '93.184.216.35', 'DENIED'],
    ['post', 'https://a.example.org:8443/x', '93.184.216.35', 'DENIED'],
    ['post', 'http://localhost:3000/hook', '127.0.0.1', 'GRANTED'],
    ['post', 'http://localhost:3001/hook', '127.0.0.1', 'DENIED'],
    ['get', 'http://127.0.0.1/', '127.0.0.1', 'DENIED'],
    ['get', 'http://2130706433/', null, 'DENIED'],
    ['get', 'http://169.254.169.254/latest/meta-data', null, 'DENIED'],
    ['get', 'http://[fe80::1]/', null, 'DENIED'],
    ['get', 'http://10.0.0.5/status', null, 'GRANTED'],
    ['get', 'https://anything.net/x', '8.8.8.8', 'GRANTED'],
    ['get', 'https://rebind.attacker.net/x', '192.168.1.1', 'DENIED'],
    ['get', 'https://rebind.attacker.net/x', '::ffff:192.168.1.1', 'DENIED'],
    ['get', 'https://internal.example.com/', '10.0.0.5', 'DENIED'],
    ['get', 'http://10.0.0.5/x', '10.0.0.5', 'GRANTED'],
    ['get', 'https://api.example.com/v1/x', '10.0.0.9', 'DENIED'],
    ['get', 'file:///etc/passwd', null, 'DENIED'],
  ];
  it.each(table)('%s %s (resolved %s) → %s', (operation, target, resolvedAddress, decision) => {
    expect(ctx.check({ resource: 'http', operation, target, resolvedAddress }).decision).toBe(decision);
  });

  it('gives the bridge the canonical URL to fetch, but never logs the query', () => {
    const r = ctx.check({ resource: 'http', operation: 'get', target: 'https://api.example.com/v1/x?token=SECRET' });
    expect(r.target).toBe('https://api.example.com/v1/x?token=SECRET');
    expect(r.capability).toBe('http:get:https://api.example.com/v1/x');
    const bad = ctx.check({ resource: 'http', operation: 'get', target: 'https://u:p@x.com/?token=SECRET' });
    expect(bad.capability).not.toContain('SECRET');
    expect(bad.message).not.toContain('SECRET');
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['[::1]', true],
    ['::', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::8.8.8.8', false],
    ['2002:0a00:0001::', true],
    ['2606:4700::1111', false],
    ['not an ip', true],
    ['1.2.3', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
  it('knows loopback', () => {
    expect(isLoopbackAddress('127.9.9.9')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });
});

describe('env names', () => {
  const ctx = context(['env:read:APP_*', 'env:read:*_TOKEN', 'env:read:HOME', 'env:write:TMP_*']);
  it.each([
    ['read', 'APP_MODE', 'GRANTED'],
    ['read', 'APP_', 'GRANTED'],
    ['read', 'MY_APP_MODE', 'DENIED'],
    ['read', 'GITHUB_TOKEN', 'GRANTED'],
    ['read', 'HOME', 'GRANTED'],
    ['read', 'HOMEX', 'DENIED'],
    ['read', 'home', 'DENIED'],
    ['write', 'APP_MODE', 'DENIED'],
    ['write', 'TMP_X', 'GRANTED'],
    ['read', '*', 'DENIED'],
  ])('%s %s → %s', (operation, target, decision) => {
    expect(ctx.check({ resource: 'env', operation, target }).decision).toBe(decision);
  });
  it('env.all needs a grant of every name', () => {
    expect(context(['env:read:*']).check({ resource: 'env', operation: 'read', target: '*' }).decision).toBe('GRANTED');
  });
});

describe('network host:port', () => {
  const ctx = context(['network:connect:localhost:8080', 'network:connect:*.example.com:*', 'network:connect:**']);
  it.each([
    ['localhost:8080', 'GRANTED'],
    ['localhost:8081', 'DENIED'],
    ['db.example.com:5432', 'GRANTED'],
    ['10.0.0.1:22', 'DENIED'],
    ['public.net:443', 'GRANTED'],
    ['bad', 'DENIED'],
  ])('%s → %s', (target, decision) => {
    expect(ctx.check({ resource: 'network', operation: 'connect', target }).decision).toBe(decision);
  });
});
