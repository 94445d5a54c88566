// Answers the debug runtime's requests while the program is stopped (INSIDE the isolate): stack,
// scopes, variables, setVariable, evaluate, completions. Every answer is plain data; ML errors
// raised by an evaluation become an error reply, never an exception leaving the stop.
import type { Value } from '@mlsec/grammar';
import type { AgentFrame, AgentMessage, AgentScope, HostCommand } from '../protocol.js';
import type { DebugAgent } from './agent.js';
import { describe } from './breakpoints.js';
import { completionNames, evaluate, execute, frameScope } from './evaluate.js';
import { columnOf, lineOf, type Frame } from './frames.js';

export function answer(agent: DebugAgent, cmd: HostCommand): AgentMessage {
  try {
    return { t: 'reply', ok: true, body: agent.quietly(() => body(agent, cmd)) };
  } catch (e) {
    return { t: 'reply', ok: false, message: describe(e) };
  }
}

function frameAt(agent: DebugAgent, n: number | null): Frame {
  const f = agent.stack.fromTop(n ?? 0);
  if (!f) throw new Error('no such frame');
  return f;
}

function body(agent: DebugAgent, cmd: HostCommand): unknown {
  const ins = agent.inspector;
  switch (cmd.cmd) {
    case 'run':
      return null;
    case 'stack': {
      const frames: AgentFrame[] = [];
      for (let i = 0; i < agent.stack.depth; i++) {
        const f = agent.stack.fromTop(i)!;
        frames.push({
          name: f.unit.meta[f.fi]!.name,
          file: f.unit.file,
          line: lineOf(f.unit, f.p),
          column: columnOf(f.unit, f.p),
        });
      }
      return frames;
    }
    case 'scopes': {
      const f = frameAt(agent, cmd.frame);
      const meta = f.unit.meta[f.fi]!;
      const scopes: AgentScope[] = [ins.scope(f, 'Locals', ins.scopeEntries(f, 'Locals').length)];
      if (meta.names.length > meta.own) scopes.push(ins.scope(f, 'Closure', ins.scopeEntries(f, 'Closure').length));
      scopes.push(ins.scope(f, 'Globals', ins.scopeEntries(f, 'Globals').length));
      return scopes;
    }
    case 'variables':
      return ins.variables(cmd.ref, cmd.start, cmd.count);
    case 'setVariable':
      return setVariable(agent, cmd.ref, cmd.name, cmd.value);
    case 'evaluate': {
      const f = agent.stack.fromTop(cmd.frame ?? 0);
      return ins.show(execute(agent.rt, frameScope(f), cmd.input), null);
    }
    case 'completions':
      return completionNames(agent.rt, frameScope(agent.stack.fromTop(cmd.frame ?? 0)), cmd.object);
  }
}

function setVariable(agent: DebugAgent, ref: number, name: string, valueExpr: Parameters<typeof evaluate>[2]): unknown {
  const ins = agent.inspector;
  const entry = ins.entry(ref);
  if (!entry) throw new Error('this value is no longer available (the program has resumed)');
  if (entry.kind === 'scope') {
    const f = entry.frame;
    const scope = frameScope(f);
    const value = evaluate(agent.rt, scope, valueExpr);
    const meta = f.unit.meta[f.fi]!;
    if (entry.which === 'Globals') {
      const i = f.unit.meta[0]!.names.indexOf(name);
      if (i < 0 || !f.unit.globals) throw new Error(`no global '${name}'`);
      f.unit.globals(i, value);
    } else {
      const i = meta.names.indexOf(name);
      if (i < 0) throw new Error(`no variable '${name}' in this scope`);
      f.acc(i, value);
    }
    return ins.show(value, name);
  }
  const value = evaluate(agent.rt, frameScope(agent.stack.fromTop(0)), valueExpr);
  const target = entry.v;
  const shape = ins.shape(target);
  const key: Value = shape === 'array' ? Number(name.replace(/^\[|\]$/g, '')) : name;
  if (shape !== 'array' && shape !== 'object') throw new Error(`a ${ins.typeOf(target)} cannot be changed`);
  agent.rt.setIndex(target, key, value);
  return ins.show(value, null);
}
