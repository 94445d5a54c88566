// The capabilities one stdlib call needs, from the catalogue templates and what the AST tells about
// its arguments: concrete when the target folds to a constant string (relative paths resolved
// against the root), `<dynamic>` otherwise. Pure; no grant checks here.
import { canonicalizePath } from '../capabilities/path-canonical.js';
import { instantiateCapabilities, type RequiredCapability, type TemplateArguments } from '../stdlib/templates.js';
import type { FunctionSpec, MethodSpec } from '../stdlib/types.js';
import type { CallExpr, Expression, Range } from '../syntax/ast.js';
import type { ResolvedCall, StaticValues } from './static-values.js';
import type { CapabilityUse } from './types.js';

export const DYNAMIC = '<dynamic>';

export type { ResolvedCall };

/** Resolves `call(f, a, b)` to `f(a, b)` when `f` is a known stdlib function; other calls as they are. */
export function resolveCall(call: CallExpr, values: StaticValues): ResolvedCall | undefined {
  return values.resolvedCall(call);
}

/** What the AST tells about a call's arguments (one object per call, no closures). */
class AstArguments implements TemplateArguments {
  readonly count: number;

  constructor(
    private readonly args: readonly Expression[],
    private readonly values: StaticValues,
  ) {
    this.count = args.length;
  }

  stringAt(index: number): string | undefined {
    const arg = this.args[index];
    return arg ? this.values.stringOf(arg) : undefined;
  }

  propertyAt(index: number, key: string): string | null | undefined {
    // Only an object literal written at the call is known: a variable's object may be mutated.
    const arg = this.args[index];
    if (arg?.kind !== 'ObjectLiteral') return undefined;
    const prop = arg.properties.find((p) => p.keyName === key);
    return prop ? this.values.stringOf(prop.value) : null;
  }
}

/** Arguments of a function passed as a value: any number, none known. */
const UNKNOWN_ARGUMENTS: TemplateArguments = {
  count: Number.MAX_SAFE_INTEGER,
  stringAt: () => undefined,
  propertyAt: () => undefined,
};

function canonicalTarget(r: RequiredCapability, root: string | undefined): string | null | undefined {
  if (typeof r.target !== 'string') return r.target;
  if ((r.targetKind === 'path' || r.targetKind === 'dir') && root !== undefined) {
    const canonical = canonicalizePath(r.target, root);
    return canonical.ok ? canonical.path : r.target;
  }
  return r.target;
}

export function capabilityText(
  resource: string,
  operation: string | undefined,
  target: string | null | undefined,
): string {
  const head = `${resource}:${operation ?? DYNAMIC}`;
  return target === null ? head : `${head}:${target ?? DYNAMIC}`;
}

/** The uses of one call (or of a stdlib function passed as a value, with `args` unknown). */
export function capabilityUses(
  spec: FunctionSpec | MethodSpec,
  display: string,
  args: readonly Expression[] | null,
  range: Range,
  values: StaticValues,
  root: string | undefined,
  functionName: string | null,
): CapabilityUse[] {
  if (spec.capabilities.length === 0) return [];
  const known = args ? new AstArguments(args, values) : UNKNOWN_ARGUMENTS;
  const required = instantiateCapabilities(spec, known);
  const uses: CapabilityUse[] = [];
  for (const r of required) {
    const target = canonicalTarget(r, root);
    uses.push({
      capability: capabilityText(r.resource, r.operation, target),
      resource: r.resource,
      operation: r.operation,
      target,
      concrete: r.operation !== undefined && target !== undefined,
      callee: display,
      range,
      functionName,
    });
  }
  return uses;
}
