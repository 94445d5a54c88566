// ML `capability` declarations: mapping to capability strings, diagnostics on the right characters,
// and the intersection with the run's grant.
import { describe, expect, it } from 'vitest';
import {
  CapabilityContext,
  capabilitiesFromDeclaration,
  intersectDeclarations,
  parse,
  type CapabilityDecl,
  type DeclaredCapability,
} from '@mlsec/grammar';

function declarations(source: string): CapabilityDecl[] {
  const { program, diagnostics } = parse(source);
  expect(diagnostics).toEqual([]);
  return program.body.filter((s): s is CapabilityDecl => s.kind === 'CapabilityDecl');
}

function mapped(source: string): { capabilities: string[]; diagnostics: { code: string; text: string }[] } {
  const caps: string[] = [];
  const diags: { code: string; text: string }[] = [];
  for (const d of declarations(source)) {
    const r = capabilitiesFromDeclaration(d);
    caps.push(...r.capabilities.map((c) => c.capability));
    diags.push(
      ...r.diagnostics.map((x) => ({ code: x.code, text: source.slice(x.range.start.offset, x.range.end.offset) })),
    );
  }
  return { capabilities: caps, diagnostics: diags };
}

describe('capabilitiesFromDeclaration', () => {
  it.each([
    [
      'capability Files { resource "data/*.csv"; resource "cfg/**"; allow read; }',
      ['file:read:data/*.csv', 'file:read:cfg/**'],
    ],
    ['capability Out { resource "out/**"; allow write; allow read; }', ['file:write:out/**', 'file:read:out/**']],
    ['capability Log { allow write "logs/app.log"; }', ['file:write:logs/app.log']],
    ['capability Net { allow network "api.example.com"; }', ['http:*:https://api.example.com/**']],
    ['capability Net { allow network "http://localhost:3000"; }', ['http:*:http://localhost:3000/**']],
    ['capability Net { allow network "https://api.example.com/v1/**"; }', ['http:*:https://api.example.com/v1/**']],
    ['capability Net { resource "a.example.com"; allow network; }', ['http:*:https://a.example.com/**']],
    ['capability Sys { allow system "info"; allow execute "info"; }', ['system:info', 'system:info']],
    ['capability Sys { allow system; }', ['system:*']],
  ])('%s', (source, expected) => {
    expect(mapped(source)).toEqual({ capabilities: expected, diagnostics: [] });
  });

  it('points at the offending characters inside the string literal', () => {
    expect(mapped('capability Bad { resource "data/../etc/**"; allow read; }').diagnostics).toEqual([
      { code: 'CAP005', text: '..' },
    ]);
    expect(mapped('capability Bad { allow read "x/[ab"; }').diagnostics).toEqual([{ code: 'CAP009', text: '[' }]);
  });

  it('reports an allow item with nothing to apply to', () => {
    expect(mapped('capability Empty { allow read; }').diagnostics).toEqual([{ code: 'CAP022', text: 'allow read' }]);
  });
});

describe('intersectDeclarations', () => {
  const grant = CapabilityContext.create({ root: '/proj' }).context!;
  for (const g of ['file:read:data/**', 'file:write:out/**', 'console:*', '*:*', 'http:get:https://api.example.com/**'])
    grant.grant(g);

  const declared = (source: string): DeclaredCapability[] =>
    declarations(source).flatMap((d) => capabilitiesFromDeclaration(d).capabilities);

  it('narrows the declared resources and keeps the others', () => {
    const r = intersectDeclarations(grant, declared('capability Files { resource "data/in/*.csv"; allow read; }'));
    expect(r.exceeding).toEqual([]);
    const { context } = r;
    const check = (resource: string, operation: string, target?: string) =>
      context.check({ resource, operation, target }).decision;
    expect(check('file', 'read', 'data/in/a.csv')).toBe('GRANTED');
    expect(check('file', 'read', 'data/other.csv')).toBe('DENIED');
    expect(check('file', 'write', 'out/x')).toBe('DENIED');
    expect(check('console', 'write')).toBe('GRANTED');
    expect(check('math', 'compute')).toBe('GRANTED');
    expect(check('http', 'get', 'https://api.example.com/x')).toBe('GRANTED');
  });

  it('reports declarations that ask for more than the grant', () => {
    const source = 'capability Wide { resource "/etc/**"; allow read; }';
    const r = intersectDeclarations(grant, declared(source));
    expect(r.exceeding).toHaveLength(1);
    expect(r.diagnostics[0]!.code).toBe('CAP021');
    expect(source.slice(r.diagnostics[0]!.range.start.offset, r.diagnostics[0]!.range.end.offset)).toBe('"/etc/**"');
    expect(r.diagnostics[0]!.message).toContain('file:read:/etc/**');
    expect(r.context.check({ resource: 'file', operation: 'read', target: '/etc/passwd' }).decision).toBe('DENIED');
  });
});
