// Turns capability templates into concrete requirements for one call, given what is known about its
// arguments (literals for the analyzer, run-time values for the bridges). Pure; no I/O.
import type { CallableSpec, CapabilityTemplate, ParameterSpec, TargetKind } from './types.js';

/** What is known about a call's arguments. */
export interface TemplateArguments {
  /** Number of positional arguments passed. */
  readonly count: number;
  /** The argument as a string when it is known to be one; undefined otherwise. */
  stringAt(index: number): string | undefined;
  /** Property `key` of object argument `index`: a string, null when known to be absent, undefined when unknown. */
  propertyAt(index: number, key: string): string | null | undefined;
}

/** One capability a call needs; `undefined` parts depend on values not known here. */
export interface RequiredCapability {
  resource: string;
  operation: string | undefined;
  /** null: the capability takes no target. undefined: the target is not known. */
  target: string | null | undefined;
  targetKind: TargetKind;
  template: CapabilityTemplate;
}

/** Value of a default written in STDLIB.md notation, when it is a string literal. */
function stringDefault(param: ParameterSpec | undefined): string | undefined {
  const text = param?.default;
  if (text === undefined) return undefined;
  const m = /^(['"])(.*)\1$/.exec(text);
  return m?.[2];
}

/** Fixed directory prefix of a glob: `data/*.csv` → `data`, `*.txt` → `.`, `/a/b/**` → `/a/b`. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (/[*?[]/.test(segment)) break;
    if (i === segments.length - 1) break; // the last segment names entries, not the directory
    fixed.push(segment);
  }
  const base = fixed.join('/');
  if (base === '') return pattern.startsWith('/') ? '/' : '.';
  return base;
}

function targetOf(
  t: CapabilityTemplate,
  params: readonly ParameterSpec[],
  args: TemplateArguments,
): string | null | undefined {
  if (t.targetKind === 'none') return null;
  if (t.fixedTarget !== undefined) return t.fixedTarget;
  const index = t.targetArg;
  if (index === undefined) return undefined;
  if (t.targetKey !== undefined) {
    const value = args.propertyAt(index, t.targetKey);
    return value === null ? undefined : value;
  }
  const value = index < args.count ? args.stringAt(index) : stringDefault(params[index]);
  if (value === undefined) return undefined;
  return t.globBase === true ? globBase(value) : value;
}

function operationOf(t: CapabilityTemplate, args: TemplateArguments): string | undefined {
  if (t.operationKey === undefined || t.targetArg === undefined) return t.operation;
  const value = args.propertyAt(t.targetArg, t.operationKey);
  if (value === null) return t.operation;
  return value?.toLowerCase();
}

/** The concrete capabilities a call of `spec` needs with these arguments. */
export function instantiateCapabilities(spec: CallableSpec, args: TemplateArguments): RequiredCapability[] {
  return spec.capabilities.map((template) => ({
    resource: template.resource,
    operation: operationOf(template, args),
    target: targetOf(template, spec.params, args),
    targetKind: template.targetKind,
    template,
  }));
}

function propertyOf(value: unknown, key: string): unknown {
  if (value instanceof Map) return value.has(key) ? value.get(key) : null;
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as { map?: unknown }).map;
  if (inner instanceof Map) return inner.has(key) ? inner.get(key) : null;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : null;
}

/** Arguments known at run time: strings, and objects given as Map, `{map: Map}` or plain records. */
export function argumentsFromValues(values: readonly unknown[]): TemplateArguments {
  return {
    count: values.length,
    stringAt: (index) => {
      const v = values[index];
      return typeof v === 'string' ? v : undefined;
    },
    propertyAt: (index, key) => {
      const v = propertyOf(values[index], key);
      if (v === null || v === undefined) return v === null ? null : undefined;
      return typeof v === 'string' ? v : undefined;
    },
  };
}

/** `file:read:/abs/x`, or the template text where a part is not known. */
export function formatRequired(r: RequiredCapability): string {
  if (r.operation === undefined || r.target === undefined) return r.template.text;
  return r.target === null ? `${r.resource}:${r.operation}` : `${r.resource}:${r.operation}:${r.target}`;
}
