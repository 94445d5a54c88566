// Every conformance program parses without diagnostics, and every AST node carries an exact range:
// start <= end, inside its parent, and identifiers/literals slice back to their own text.
import { describe, expect, test } from 'vitest';
import type { Node } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/api.js';
import { forEachChild } from '../../src/syntax/visit.js';
import { LineMap } from '../../src/syntax/line-map.js';
import { conformancePrograms, describeDiagnostic } from './helpers.js';

const programs = conformancePrograms();

describe('conformance programs', () => {
  test('the folder is not empty', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
  });

  test.each(programs)('%s parses with zero diagnostics', (_name, source) => {
    const result = parse(source);
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(result.program.body.length).toBeGreaterThan(0);
  });

  test.each(programs)('%s: every node range is exact and nested', (_name, source) => {
    const { program } = parse(source);
    const lines = new LineMap(source);
    const problems: string[] = [];
    const check = (node: Node, parent: Node | null) => {
      const { start, end } = node.range;
      const where = `${node.kind} at ${start.line + 1}:${start.column + 1}`;
      if (start.offset > end.offset) problems.push(`${where}: start after end`);
      for (const p of [start, end]) {
        const expected = lines.position(p.offset);
        if (expected.line !== p.line || expected.column !== p.column)
          problems.push(`${where}: line/column do not match offset`);
      }
      if (parent && (start.offset < parent.range.start.offset || end.offset > parent.range.end.offset)) {
        problems.push(`${where}: outside its parent ${parent.kind}`);
      }
      const slice = source.slice(start.offset, end.offset);
      if (node.kind === 'Identifier' && slice !== node.name)
        problems.push(`${where}: slice ${slice} is not ${node.name}`);
      if ((node.kind === 'NumberLiteral' || node.kind === 'StringLiteral') && slice !== node.raw) {
        problems.push(`${where}: slice ${slice} is not ${node.raw}`);
      }
      if (node.kind === 'BooleanLiteral' && slice !== String(node.value)) problems.push(`${where}: slice ${slice}`);
      if (node.kind === 'BinaryExpr') {
        const op = source.slice(node.operatorRange.start.offset, node.operatorRange.end.offset);
        if (op !== node.operator) problems.push(`${where}: operator slice ${op}`);
      }
      if (node.kind === 'ErrorExpr') problems.push(`${where}: error placeholder in a valid program`);
      forEachChild(node, (child) => check(child, node));
    };
    check(program, null);
    expect(problems).toEqual([]);
    expect(program.range.start.offset).toBe(0);
    expect(program.range.end.offset).toBe(source.length);
  });

  test.each(programs)('%s: comments are collected with their text', (_name, source) => {
    const { comments } = parse(source);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) {
      expect(c.text.startsWith('//')).toBe(true);
      expect(source.slice(c.range.start.offset, c.range.end.offset)).toBe(c.text);
    }
  });

  test.each(programs)('%s: tokens are in order and slice back to their text', (_name, source) => {
    const { tokens } = parse(source);
    let last = -1;
    for (const t of tokens) {
      expect(t.range.start.offset).toBeGreaterThan(last);
      expect(source.slice(t.range.start.offset, t.range.end.offset)).toBe(t.text);
      last = t.range.start.offset;
    }
    expect(tokens.length).toBeGreaterThan(0);
  });
});
