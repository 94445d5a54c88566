// Contexts: denials win, child containment, token limits with an injected clock, the decision
// cache and its invalidation, audit events, audit-only mode and the minimal grant list.
import { describe, expect, it } from 'vitest';
import { AuditLog, CapabilityContext, minimalGrantList, type ContextOptions } from '@mlsec/grammar';

function make(grants: string[], options: Partial<ContextOptions> = {}): CapabilityContext {
  const ctx = CapabilityContext.create({ root: '/proj', ...options }).context!;
  for (const g of grants) expect(ctx.grant(g).ok, g).toBe(true);
  return ctx;
}
const read = (ctx: CapabilityContext, target: string) => ctx.check({ resource: 'file', operation: 'read', target });

describe('denials', () => {
  it('always win, whatever the order and the level', () => {
    const ctx = make(['file:*:/**']);
    ctx.deny('file:read:/etc/**');
    expect(read(ctx, '/etc/passwd')).toMatchObject({ decision: 'DENIED', reason: 'denied', by: '!file:read:/etc/**' });
    expect(read(ctx, '/var/x').decision).toBe('GRANTED');
    const child = ctx.createChild(['file:read:/etc/**']).context;
    expect(read(child, '/etc/passwd').decision).toBe('DENIED');
    const deeper = child.createChild([], { denials: ['file:read:/var/**'] }).context;
    expect(read(deeper, '/var/x').decision).toBe('DENIED');
    expect(read(child, '/var/x').decision).toBe('GRANTED');
  });

  it('a denial without a target denies every target', () => {
    const ctx = make(['file:*:/**']);
    expect(ctx.deny('!file:write').ok).toBe(true);
    expect(ctx.check({ resource: 'file', operation: 'write', target: '/tmp/x' }).decision).toBe('DENIED');
  });

  it('matches the path as written and as it really is', () => {
    const ctx = make(['file:read:/**'], { fs: { realpath: (p) => p.replace(/^\/proj\/alias/, '/secret') } });
    ctx.deny('file:read:/secret/**');
    expect(read(ctx, 'alias/key').decision).toBe('DENIED');
  });

  it('cannot be added as grants, and limits cannot be put on them', () => {
    const ctx = make([]);
    expect(ctx.grant('!file:read:/x').ok).toBe(false);
    expect(ctx.grant({ capability: 'file:read:/x', limits: { maxUses: -1 } }).issues[0]!.code).toBe('CAP016');
  });
});

describe('child contexts', () => {
  const parent = make(['file:read:/data/**', 'http:get:https://*.example.com/**', 'env:read:APP_*', 'console:*']);

  it.each([
    ['file:read:/data/sub/**', true],
    ['file:read:/data/*.csv', true],
    ['file:read:/data', true],
    ['file:read:/**', false],
    ['file:read:/dat*/**', false],
    ['file:write:/data/**', false],
    ['http:get:https://api.example.com/v1/**', true],
    ['http:get:https://*.example.com/x/**', true],
    ['http:get:https://a.b.example.com/**', false],
    ['http:post:https://api.example.com/**', false],
    ['env:read:APP_DB_*', true],
    ['env:read:APP_HOME', true],
    ['env:read:*', false],
    ['console:write', true],
    ['math:compute', false],
  ])('%s contained: %s', (grant, ok) => {
    const { context, issues } = parent.createChild([grant]);
    expect(issues.length === 0).toBe(ok);
    if (!ok) {
      expect(issues[0]!.code).toBe('CAP020');
      expect(issues[0]!.message).toContain(grant.replace(/^file:read:\//, 'file:read:/'));
    }
    expect(context.grantedCapabilities().length).toBeGreaterThan(0);
  });

  it('names both the child and the parent grant in the error', () => {
    const { issues } = parent.createChild(['file:read:/**']);
    expect(issues[0]!.message).toBe("`file:read:/**` is not contained in the parent's `file:read:/data/**`");
    const none = parent.createChild(['file:write:/data/x']).issues[0]!.message;
    expect(none).toContain('grants nothing for file:write');
  });

  it('restrict mode allows only its own grants', () => {
    const { context } = parent.createChild(['file:read:/data/public/**'], { mode: 'restrict' });
    expect(read(context, '/data/public/a').decision).toBe('GRANTED');
    expect(read(context, '/data/private/a').decision).toBe('DENIED');
    expect(context.check({ resource: 'console', operation: 'write' }).decision).toBe('DENIED');
  });

  it('sees grants and denials added to the parent later (cache invalidated)', () => {
    const p = make(['file:read:/data/**']);
    const c = p.createChild([]).context;
    expect(read(c, '/data/x').decision).toBe('GRANTED');
    p.deny('file:read:/data/x');
    expect(read(c, '/data/x').decision).toBe('DENIED');
  });
});

describe('limits', () => {
  it('expires_at and max_uses stop a token from matching', () => {
    let now = 1000;
    const ctx = make([], { clock: { now: () => now } });
    ctx.grant({ capability: 'file:read:/a/**', limits: { expiresAt: 2000 } });
    ctx.grant({ capability: 'file:read:/b/**', limits: { maxUses: 2 } });
    expect(read(ctx, '/a/x').decision).toBe('GRANTED');
    now = 2000;
    expect(read(ctx, '/a/x').decision).toBe('DENIED');
    expect(read(ctx, '/b/x').decision).toBe('GRANTED');
    expect(read(ctx, '/b/x').decision).toBe('GRANTED');
    expect(read(ctx, '/b/x').decision).toBe('DENIED');
    expect(ctx.grantedCapabilities()).toEqual([]);
  });

  it('an unlimited grant is preferred so limited tokens are not spent', () => {
    const ctx = make([]);
    ctx.grant({ capability: 'file:read:/a/**', limits: { maxUses: 1 } });
    ctx.grant('file:read:/a/x');
    expect(read(ctx, '/a/x').by).toBe('file:read:/a/x');
    expect(read(ctx, '/a/x').decision).toBe('GRANTED');
    expect(read(ctx, '/a/y').decision).toBe('GRANTED');
    expect(read(ctx, '/a/y').decision).toBe('DENIED');
  });

  it("a child cannot outlive its parent's token", () => {
    let now = 0;
    const p = make([], { clock: { now: () => now } });
    p.grant({ capability: 'file:read:/a/**', limits: { expiresAt: 10 } });
    const c = p.createChild(['file:read:/a/x'], { mode: 'restrict' }).context;
    expect(read(c, '/a/x').decision).toBe('GRANTED');
    now = 10;
    expect(read(c, '/a/x').decision).toBe('DENIED');
  });
});

describe('preview', () => {
  it('decides like check without auditing or spending tokens', () => {
    const log = new AuditLog();
    const ctx = make([], { auditSink: log.sink });
    ctx.grant({ capability: 'file:read:/a/**', limits: { maxUses: 1 } });
    const request = { resource: 'file', operation: 'read', target: '/a/x' };
    expect(ctx.preview(request).decision).toBe('GRANTED');
    expect(ctx.preview(request).decision).toBe('GRANTED');
    expect(log.events).toEqual([]);
    expect(ctx.check(request).decision).toBe('GRANTED');
    expect(ctx.preview(request).decision).toBe('DENIED');
    expect(ctx.covers('file:read:/a/x')).toBe(false);
    expect(log.events.map((e) => e.result)).toEqual(['GRANTED']);
  });
});

describe('audit', () => {
  it('emits one event per check with the call site', () => {
    const log = new AuditLog();
    const ctx = make(['file:read:data/**'], { auditSink: log.sink, clock: { now: () => 42 } });
    read(ctx, 'data/a.csv');
    ctx.check(
      { resource: 'file', operation: 'write', target: 'out.txt' },
      { file: 'main.ml', line: 3, column: 5, functionName: 'save' },
    );
    expect(log.events).toEqual([
      {
        time: 42,
        capability: 'file:read:/proj/data/a.csv',
        resource: 'file',
        operation: 'read',
        result: 'GRANTED',
        enforced: true,
        by: 'file:read:/proj/data/**',
        reason: null,
        closestGrant: null,
        file: null,
        line: null,
        column: null,
        functionName: null,
      },
      {
        time: 42,
        capability: 'file:write:/proj/out.txt',
        resource: 'file',
        operation: 'write',
        result: 'DENIED',
        enforced: true,
        by: null,
        reason: 'not-granted',
        closestGrant: 'file:read:/proj/data/**',
        file: 'main.ml',
        line: 3,
        column: 5,
        functionName: 'save',
      },
    ]);
    expect(log.toJsonLines().split('\n')).toHaveLength(3);
    expect(JSON.parse(log.toJsonLines().split('\n')[1]!).functionName).toBe('save');
  });

  it('audit-only mode allows everything and yields the minimal grant list', () => {
    const log = new AuditLog();
    const ctx = make(['console:*'], { auditOnly: true, auditSink: log.sink });
    const results = [
      read(ctx, 'data/a.csv'),
      read(ctx, 'data/a.csv'),
      read(ctx, 'weird[1]*.txt'),
      ctx.check({ resource: 'http', operation: 'get', target: 'https://api.example.com/v1/x?k=1' }),
      ctx.check({ resource: 'http', operation: 'get', target: 'http://example.com:8080/a' }),
      ctx.check({ resource: 'env', operation: 'read', target: 'HOME' }),
      ctx.check({ resource: 'system', operation: 'info' }),
      ctx.check({ resource: 'console', operation: 'write' }),
    ];
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(results[0]!.decision).toBe('DENIED');
    expect(log.denied().every((e) => !e.enforced)).toBe(true);
    const minimal = minimalGrantList(log.events, { root: ctx.root });
    expect(minimal).toEqual([
      'env:read:HOME',
      'file:read:data/a.csv',
      'file:read:weird[[]1][*].txt',
      'http:get:http://example.com:8080/a',
      'http:get:https://api.example.com/v1/x',
      'system:info',
    ]);
    const fresh = make(minimal);
    for (const e of log.denied())
      expect(
        fresh.check({
          resource: e.resource,
          operation: e.operation,
          target: e.capability.split(':').slice(2).join(':') || null,
        }).decision,
      ).toBe('GRANTED');
  });
});

describe('queries', () => {
  const ctx = make(['file:read:data/**', 'console:*', 'http:get:https://api.example.com/**']);
  ctx.deny('file:read:data/secret/**');
  ctx.deny('file:read:**/*.key');
  it.each([
    ['file:read:data/x.csv', true],
    ['file:read:data/a.key', false],
    ['file:read:data/secret/x', false],
    ['file:read:data/sub/**', false], // data/sub/a.key is denied
    ['file:read:data/**', false],
    ['file:read:/etc/passwd', false],
    ['console:write', true],
    ['console.write', true],
    ['http:get:https://api.example.com/v2/**', true],
    ['not a capability', false],
  ])('covers(%s) = %s', (cap, expected) => {
    expect(ctx.covers(cap)).toBe(expected);
  });
  it('lists grants and denials in canonical form', () => {
    expect(ctx.grantedCapabilities()).toEqual([
      'file:read:/proj/data/**',
      'console:*',
      'http:get:https://api.example.com/**',
    ]);
    expect(ctx.deniedCapabilities()).toEqual(['!file:read:/proj/data/secret/**', '!file:read:/**/*.key']);
    expect(ctx.findGrant('console:*')?.origin).toBeNull();
  });
  it('refuses a relative root', () => {
    expect(CapabilityContext.create({ root: 'proj' }).issues[0]!.code).toBe('CAP023');
  });
  it('refuses malformed requests without throwing', () => {
    expect(ctx.check({ resource: 'nope', operation: 'x', target: 'y' }).reason).toBe('invalid-request');
    expect(read(ctx, 'a\0b').reason).toBe('invalid-request');
    expect(ctx.check({ resource: 'console', operation: 'write', target: 'x' }).reason).toBe('invalid-request');
  });
});
