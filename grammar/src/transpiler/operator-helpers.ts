// The runtime helper (runtime/arith.ts, runtime/operators.ts) that each ML binary operator calls
// on ML values: one table for expression code, float code and debugger expressions.

/** Arithmetic operators. */
export const ARITH_HELPERS: Readonly<Record<string, string>> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '//': 'floordiv',
  '%': 'mod',
};

/** Comparison operators. */
export const COMPARE_HELPERS: Readonly<Record<string, string>> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '>': 'gt',
  '<=': 'le',
  '>=': 'ge',
};

/** Every binary operator except `&&`/`||`. */
export const BINARY_HELPERS: Readonly<Record<string, string>> = { ...ARITH_HELPERS, ...COMPARE_HELPERS };
