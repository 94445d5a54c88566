// Decides, INSIDE the isolate, whether breakpoints at a hook site stop the program: evaluates
// conditions in the current frame, counts hits against hit conditions, and prints logpoints
// through the runtime (output events, never the program's stdout). Knows nothing of DAP.
import type { LogPart } from '@mlsec/grammar';
import type { AgentBreakpoint, AgentFunctionBreakpoint, HitCondition } from '../protocol.js';
import type { DebugAgent } from './agent.js';
import { evaluate, frameScope } from './evaluate.js';
import { columnOf, lineOf, type Unit } from './frames.js';

export function hitConditionMet(h: HitCondition, hits: number): boolean {
  switch (h.op) {
    case '>=':
      return hits >= h.n;
    case '>':
      return hits > h.n;
    case '==':
      return hits === h.n;
    case '<':
      return hits < h.n;
    case '<=':
      return hits <= h.n;
    case '%':
      return h.n > 0 && hits % h.n === 0;
  }
}

export class BreakpointChecker {
  private readonly hits = new Map<number, number>();

  constructor(private readonly agent: DebugAgent) {}

  /** Ids of the line breakpoints at `u`:`k` that stop now; logpoints there print instead. */
  lineHits(u: Unit, k: number): number[] {
    const out: number[] = [];
    for (const bp of u.bps.get(k) ?? []) {
      if (!this.passes(bp)) continue;
      if (bp.log) this.log(u, k, bp.log);
      else out.push(bp.id);
    }
    return out;
  }

  functionHits(bps: readonly AgentFunctionBreakpoint[]): number[] {
    return bps.filter((bp) => this.passes(bp)).map((bp) => bp.id);
  }

  /** Condition (a failing condition stops, so the mistake is seen), then the hit count. */
  private passes(bp: AgentBreakpoint | AgentFunctionBreakpoint): boolean {
    if (bp.cond) {
      const agent = this.agent;
      let ok: boolean;
      try {
        ok = agent.quietly(() => agent.rt.truthy(evaluate(agent.rt, frameScope(agent.stack.fromTop(0)), bp.cond!)));
      } catch (e) {
        this.say(`breakpoint condition failed: ${describe(e)}`);
        ok = true;
      }
      if (!ok) return false;
    }
    const n = (this.hits.get(bp.id) ?? 0) + 1;
    this.hits.set(bp.id, n);
    return bp.hit ? hitConditionMet(bp.hit, n) : true;
  }

  private log(u: Unit, k: number, parts: readonly LogPart[]): void {
    const agent = this.agent;
    const scope = frameScope(agent.stack.fromTop(0));
    const text = parts
      .map((p) => {
        if (typeof p === 'string') return p;
        try {
          return agent.quietly(() => agent.str(evaluate(agent.rt, scope, p)));
        } catch (e) {
          return `<${describe(e)}>`;
        }
      })
      .join('');
    agent.running(
      agent.send({ t: 'log', text: `${text}\n`, file: u.file, line: lineOf(u, k), column: columnOf(u, k) }),
    );
  }

  private say(text: string): void {
    const top = this.agent.stack.fromTop(0);
    const u = top?.unit;
    this.agent.running(
      this.agent.send({
        t: 'log',
        text: `${text}\n`,
        file: u?.file ?? '',
        line: u ? lineOf(u, top.p) : 0,
        column: u ? columnOf(u, top.p) : 0,
      }),
    );
  }
}

/** `Kind: message` of an ML error (or a short text for anything else). */
export function describe(e: unknown): string {
  const err = e as { kind?: unknown; message?: unknown } | null;
  if (err !== null && typeof err === 'object' && typeof err.kind === 'string') {
    return `${err.kind}: ${typeof err.message === 'string' ? err.message : ''}`;
  }
  return e instanceof Error ? e.message : 'evaluation failed';
}
