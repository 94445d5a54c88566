// StaticValues memoises per node through a table by start offset (modulo its size): nodes starting
// at one offset (a `+` chain and its left operands) keep their own answers, and nodes of another,
// longer program (offsets past the end of the text) are answered too.
import { forEachChild, parse, resolve, type Expression, type Node } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { StaticValues, pythonText } from '../../src/analysis/static-values.js';

function expressions(node: Node, out: Expression[] = []): Expression[] {
  if (node.kind.endsWith('Expr') || node.kind.endsWith('Literal') || node.kind === 'Identifier')
    out.push(node as Expression);
  forEachChild(node, (child) => expressions(child, out));
  return out;
}

function constants(values: StaticValues, nodes: Expression[]): (string | undefined)[] {
  return nodes.map((e) => {
    const c = values.constant(e);
    return c && pythonText(c);
  });
}

const cases: { source: string; expected: (string | undefined)[] }[] = [
  {
    // The outer sum, the inner sum and the literal "a" all start at one offset.
    source: 's = "a" + "b" + 1;',
    // `s` itself is bound once, to the sum.
    expected: ['ab1', 'ab1', 'ab', 'a', 'b', '1'],
  },
  {
    source: 'n = 2;\nt = (n + 3) + x;\n',
    expected: ['2', '2', undefined, undefined, '5', '5', '2', '3', undefined],
  },
];

test.each(cases)('constants of every expression of $source, asked twice in both orders', ({ source, expected }) => {
  const { program } = parse(source);
  const nodes = expressions(program);
  expect(constants(new StaticValues(resolve(program)), nodes)).toEqual(expected);
  const reversed = new StaticValues(resolve(program));
  expect(constants(reversed, [...nodes].reverse()).reverse()).toEqual(expected);
  expect(constants(reversed, nodes)).toEqual(expected);
});

test('nodes of a longer program than the one resolved are answered and memoised', () => {
  const short = parse('x = 1;').program;
  const values = new StaticValues(resolve(short));
  const long = parse(`${' '.repeat(50)}y = "far" + "away";`).program;
  const nodes = expressions(long).filter((e) => e.kind !== 'Identifier');
  expect(constants(values, nodes)).toEqual(['faraway', 'far', 'away']);
  expect(constants(values, nodes)).toEqual(['faraway', 'far', 'away']);
});
