// Capability-check latency (CAPABILITIES.md §6): p50/p99 per check with 20 realistic grants over
// 10,000 distinct paths, cached (decision cache hit) and uncached (first check of each path on a
// fresh context), with the realpath step going through a per-run TTL cache as bridges use it.
import { CapabilityContext, LEXICAL_FILE_SYSTEM, cachedFileSystemFacts } from '@mlsec/grammar';

const ROOT = '/home/user/project';
const GRANTS = [
  'console:*',
  'math:*',
  'regex:*',
  'json:*',
  'collections:*',
  'functional:*',
  'datetime:*',
  'random:*',
  'crypto:*',
  'log:*',
  'args:*',
  'file:read:data/**',
  'file:write:output/**',
  'file:read:config/*.json',
  'file:read:/usr/share/dict/words',
  'file:*:/tmp/mlsec-[0-9]*/**',
  'path:read:data/**',
  'http:get:https://api.example.com/v1/**',
  'http:post:https://*.example.org/hooks/**',
  'env:read:APP_*',
];
const DENIALS = ['file:read:data/secret/**', 'file:delete:**'];

/** 10,000 distinct requests: most under granted folders, some outside, some relative with `..`. */
function requests(seed) {
  const out = [];
  let x = seed;
  const rand = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  for (let i = 0; i < 10_000; i++) {
    const kind = rand(10);
    const name = `f${i}_${rand(1000)}.${['csv', 'json', 'txt', 'log'][rand(4)]}`;
    const dir = ['2023', '2024', 'raw', 'clean', 'a/b/c', 'secret'][rand(6)];
    if (kind < 5) out.push({ resource: 'file', operation: 'read', target: `data/${dir}/${name}` });
    else if (kind < 7) out.push({ resource: 'file', operation: 'write', target: `output/${dir}/${name}` });
    else if (kind < 8) out.push({ resource: 'file', operation: 'read', target: `${ROOT}/config/${name}` });
    else if (kind < 9) out.push({ resource: 'file', operation: 'read', target: `data/../../other/${name}` });
    else out.push({ resource: 'file', operation: 'write', target: `/tmp/mlsec-${rand(100)}/${dir}/${name}` });
  }
  return out;
}

function newContext() {
  const clock = { now: () => Date.now() };
  const fs = cachedFileSystemFacts(LEXICAL_FILE_SYSTEM, clock, 1000);
  const { context } = CapabilityContext.create({ root: ROOT, fs, clock });
  for (const g of GRANTS) if (!context.grant(g).ok) throw new Error(`bench grant rejected: ${g}`);
  for (const d of DENIALS) context.deny(d);
  return context;
}

function timerOverhead() {
  const samples = [];
  for (let i = 0; i < 20_000; i++) {
    const t0 = process.hrtime.bigint();
    samples.push(Number(process.hrtime.bigint() - t0));
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

function percentiles(samples, overhead) {
  samples.sort((a, b) => a - b);
  const at = (p) =>
    Math.max(0, samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] - overhead) / 1000;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

function timeChecks(context, list, samples) {
  for (const r of list) {
    const t0 = process.hrtime.bigint();
    context.check(r);
    samples.push(Number(process.hrtime.bigint() - t0));
  }
}

export async function run(emit) {
  const list = requests(42);
  // Warm up the JIT on other paths so the measured first pass is a real cache miss, not cold code.
  for (let i = 0; i < 5; i++) {
    const warm = newContext();
    const other = requests(1000 + i);
    for (let k = 0; k < 3; k++) for (const r of other) warm.check(r);
  }
  const overhead = timerOverhead();

  const uncached = [];
  for (let round = 0; round < 5; round++) timeChecks(newContext(), list, uncached);

  const context = newContext();
  for (const r of list) context.check(r);
  const cached = [];
  for (let round = 0; round < 5; round++) timeChecks(context, list, cached);

  // Bridges receive a new string per call (copied out of the isolate): no cached string hash.
  const fresh = [];
  for (let round = 0; round < 5; round++) {
    const copies = list.map((r) => ({ ...r, target: `${r.target} `.slice(0, -1) }));
    timeChecks(context, copies, fresh);
  }

  const events = [];
  context.setAuditSink((e) => {
    if (events.length < 1000) events.push(e);
  });
  const audited = [];
  timeChecks(context, list, audited);
  context.setAuditSink(null);

  let granted = 0;
  for (const r of list) if (context.check(r).decision === 'GRANTED') granted++;

  const u = percentiles(uncached, overhead);
  const c = percentiles(cached, overhead);
  emit({ name: 'capabilities.check.uncached.p50', unit: 'us', value: u.p50 });
  emit({ name: 'capabilities.check.uncached.p99', unit: 'us', value: u.p99 });
  emit({ name: 'capabilities.check.cached.p50', unit: 'us', value: c.p50 });
  emit({ name: 'capabilities.check.cached.p90', unit: 'us', value: c.p90 });
  emit({ name: 'capabilities.check.cached.p99', unit: 'us', value: c.p99 });
  const f = percentiles(fresh, overhead);
  const a = percentiles(audited, overhead);
  emit({ name: 'capabilities.check.cached_fresh_strings.p50', unit: 'us', value: f.p50 });
  emit({ name: 'capabilities.check.cached_fresh_strings.p99', unit: 'us', value: f.p99 });
  emit({ name: 'capabilities.check.cached_with_audit.p99', unit: 'us', value: a.p99 });
  emit({ name: 'capabilities.check.timer_overhead', unit: 'us', value: overhead / 1000 });
  emit({ name: 'capabilities.check.granted_share', unit: 'ratio', value: granted / list.length });
}
