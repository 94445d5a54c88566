// Evaluation requests of the debug runtime: hover (side-effect free: no calls, no assignments),
// watch and REPL (ML expressions, REPL assignments, run in the sandbox under the run's own
// capabilities), setVariable, and REPL completions. Compiles on this side, evaluates in the agent.
import { compileDebugExpression, compileDebugStatement } from '@mlsec/grammar';
import type { AgentValue, EvaluateContext } from '../protocol.js';
import type { DebugRuntime, RuntimeValue, VariableHandle } from './debug-runtime.js';

export class EvaluationError extends Error {}

export async function evaluate(
  rt: DebugRuntime,
  frame: number | null,
  text: string,
  context: EvaluateContext,
): Promise<RuntimeValue> {
  const compiled =
    context === 'repl'
      ? compileDebugStatement(text, { allowAssignment: true })
      : compileDebugStatement(text, { sideEffectFree: context === 'hover' });
  if (!compiled.ok) throw new EvaluationError(compiled.message);
  const value = (await rt.ask({ cmd: 'evaluate', frame, input: compiled.value, context })) as AgentValue;
  return rt.value(value);
}

export async function setVariable(
  rt: DebugRuntime,
  handle: VariableHandle,
  name: string,
  text: string,
): Promise<RuntimeValue> {
  if (handle.kind !== 'agent')
    throw new EvaluationError('capabilities and resources cannot be changed from the debugger');
  const compiled = compileDebugExpression(text);
  if (!compiled.ok) throw new EvaluationError(compiled.message);
  const value = (await rt.ask({ cmd: 'setVariable', ref: handle.ref, name, value: compiled.value })) as AgentValue;
  return rt.value(value);
}

export interface Completion {
  label: string;
  /** 0-based offset in `text` where the completed word starts, and its length. */
  start: number;
  length: number;
}

/** Completions at `column` (0-based) of a REPL line: names in scope, or members after `a.b.`. */
export async function completions(
  rt: DebugRuntime,
  frame: number | null,
  text: string,
  column: number,
): Promise<Completion[]> {
  const before = text.slice(0, column);
  const m = /((?:[A-Za-z_][A-Za-z0-9_]*\s*\.\s*)*)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  const word = m?.[2] ?? '';
  const chain = (m?.[1] ?? '').replace(/\s+/g, '').replace(/\.$/, '');
  let object = null;
  if (chain !== '') {
    const compiled = compileDebugExpression(chain, { sideEffectFree: true });
    if (!compiled.ok) return [];
    object = compiled.value;
  }
  let names: string[];
  try {
    names = (await rt.ask({ cmd: 'completions', frame, object })) as string[];
  } catch {
    return [];
  }
  const start = column - word.length;
  return names
    .filter((n) => n.startsWith(word))
    .sort()
    .map((label) => ({ label, start, length: word.length }));
}
