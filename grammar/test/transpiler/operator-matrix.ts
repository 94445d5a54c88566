// Shared by the operator-matrix tests (fast-paths.test.ts, float-code.test.ts), which run every
// operator over many operands as small ML probe functions and compare what each prints with what
// the runtime helper returns or raises. The operator → helper table is written out here rather
// than taken from the transpiler (transpiler/operator-helpers.ts), so a wrong entry there fails.
import { expect } from 'vitest';
import * as rt from '../../src/runtime/index.js';
import type { Value } from '../../src/runtime/index.js';
import { runML } from '../runtime/harness.js';

/** Each binary operator and the runtime helper it must agree with. */
export const BINARY: [string, (a: Value, b: Value) => Value][] = [
  ['+', rt.add],
  ['-', rt.sub],
  ['*', rt.mul],
  ['/', rt.div],
  ['//', rt.floordiv],
  ['%', rt.mod],
  ['<', rt.lt],
  ['<=', rt.le],
  ['>', rt.gt],
  ['>=', rt.ge],
  ['==', rt.eq],
  ['!=', rt.ne],
];

/** What a probe prints for a helper call: the repr of its result, or `Kind: message` of its error. */
export function outcome(f: () => Value): string {
  try {
    return rt.toRepr(f());
  } catch (e) {
    const err = rt.toMLError(e);
    return `${err.kind}: ${err.message}`;
  }
}

/**
 * One probe: a function `name(params)` that runs the statements `pre`, then prints the repr of
 * `expr` assigned to a local `r`, or the error it raises as `Kind: message`; and a call `name(args)`.
 */
export function probe(name: string, params: string, pre: string, expr: string, args: string): string {
  return (
    `function ${name}(${params}) { ${pre} try { r = ${expr}; print(repr(r)); } ` +
    `except (e) { print(e.type + ": " + e.message); } }\n${name}(${args});`
  );
}

/** Runs the lines as one program, which must compile cleanly and not fail; returns its printed lines. */
export function printedLines(lines: string[]): string[] {
  const r = runML(lines.join('\n'));
  expect(r.diagnostics).toEqual([]);
  expect(r.error).toBeUndefined();
  return r.stdout.split('\n').slice(0, -1);
}
