// Capability strings: what is accepted (with its normalised text and hints) and what is rejected
// (with the exact code and offset of the offending characters).
import { describe, expect, it } from 'vitest';
import { parseCapability, STDLIB_MODULES, resourceInfo } from '@mlsec/grammar';

const accepted: [input: string, text: string, codes: string[]][] = [
  ['file:read:/data/**', 'file:read:/data/**', []],
  ['file:write:/output/log.txt', 'file:write:/output/log.txt', []],
  ['file:*:/tmp/**', 'file:*:/tmp/**', []],
  ['file:read:data/*.csv', 'file:read:data/*.csv', []],
  ['file:read:/a/[0-9][!x]?.txt', 'file:read:/a/[0-9][!x]?.txt', []],
  ['file:read:/a/[,]x,/b', 'file:read:/a/[,]x,/b', []],
  ['http:get:https://api.example.com/**', 'http:get:https://api.example.com/**', []],
  ['http:get:https://*.example.com/**', 'http:get:https://*.example.com/**', []],
  ['http:get:https://api.example.com', 'http:get:https://api.example.com', ['CAP017']],
  ['network:connect:localhost:8080', 'network:connect:localhost:8080', []],
  ['network:connect:[::1]:*', 'network:connect:[::1]:*', []],
  ['env:read:HOME', 'env:read:HOME', []],
  ['env:read:APP_*', 'env:read:APP_*', []],
  ['env:read:*_KEY', 'env:read:*_KEY', []],
  ['database:query:customers,orders', 'database:query:customers,orders', []],
  ['console:write', 'console:write', []],
  ['math:*', 'math:*', []],
  ['system:info', 'system:info', []],
  ['*:*:**', '*:*:**', []],
  ['*:*', '*:*', []],
  ['!file:write:**', '!file:write:**', []],
  ['!file:write', '!file:write', []],
  ['file:read', 'file:read', ['CAP014']],
  ['file.read', 'file:read:**', ['CAP013']],
  ['console.write', 'console:write', ['CAP013']],
  ['network.http', 'http:*:**', ['CAP013']],
  ['!file.delete', '!file:delete:**', ['CAP013']],
];

const rejected: [input: string, code: string, offset: number][] = [
  ['', 'CAP001', 0],
  ['   ', 'CAP001', 0],
  [' file:read:/x', 'CAP002', 0],
  ['file', 'CAP002', 0],
  ['fle:read:/x', 'CAP003', 0],
  ['!fle:read:/x', 'CAP003', 1],
  ['flie.read', 'CAP003', 0],
  ['file:raed:/x', 'CAP004', 5],
  ['http:GET:https://a.com/**', 'CAP004', 5],
  ['file::/x', 'CAP002', 5],
  ['file:read:/data/../etc', 'CAP005', 16],
  ['file:read:../x', 'CAP005', 10],
  ['http:get:https://a.com/x/../y', 'CAP005', 25],
  [`file:read:${'/**/a'.repeat(9)}`, 'CAP006', 10],
  [`file:read:/${'a'.repeat(1100)}`, 'CAP007', 1024],
  ['file:read:/a\0b', 'CAP008', 12],
  ['file:read:/a/b**', 'CAP009', 14],
  ['file:read:/a/[bc', 'CAP009', 13],
  ['file:read:/a/{b,c}', 'CAP009', 13],
  ['http:get:ftp://a.com/**', 'CAP010', 9],
  ['http:get:https://user@a.com/**', 'CAP010', 17],
  ['http:get:https://a.*.com/**', 'CAP010', 17],
  ['http:get:https://a.com:99999/**', 'CAP010', 23],
  ['env:read:A*B', 'CAP011', 10],
  ['env:read:*A*', 'CAP011', 9],
  ['console:write:/x', 'CAP012', 13],
  ['*:*:/data/**', 'CAP012', 4],
  ['file:read:', 'CAP002', 9],
  ['database:query:a,,b', 'CAP002', 17],
  ['network:connect:localhost', 'CAP015', 16],
];

describe('parseCapability accepts', () => {
  it.each(accepted)('%s', (input, text, codes) => {
    const r = parseCapability(input);
    expect(r.capability?.text).toBe(text);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });
});

describe('parseCapability rejects', () => {
  it.each(rejected)('%j → %s at %i', (input, code, offset) => {
    const r = parseCapability(input);
    expect(r.capability).toBeNull();
    const error = r.issues.find((i) => i.severity === 'error');
    expect(error?.code).toBe(code);
    expect(error?.offset).toBe(offset);
    expect(error!.message.length).toBeGreaterThan(5);
  });

  it('suggests the closest resource and operation', () => {
    expect(parseCapability('fle:read:/x').issues[0]!.message).toContain('did you mean `file`');
    expect(parseCapability('http:GET:https://a.com/**').issues[0]!.message).toContain('did you mean `get`');
  });
});

describe('resources agree with the stdlib catalogue', () => {
  it('every template resource and operation is known', () => {
    for (const mod of STDLIB_MODULES) {
      for (const f of mod.functions) {
        for (const t of f.capabilities) {
          const info = resourceInfo(t.resource);
          expect(info, t.text).toBeDefined();
          if (t.operationKey === undefined && info!.operations !== null)
            expect(info!.operations).toContain(t.operation);
          expect(info!.target === 'none').toBe(t.targetKind === 'none');
        }
      }
    }
  });
});
