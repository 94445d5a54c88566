// Compact builders for the catalogue tables: parameter lists and capability templates are written
// as STDLIB.md writes them and turned into data here. Used only by catalogue-*.ts; no I/O.
import type {
  CallableSpec,
  CapabilityTemplate,
  ClassSpec,
  ConstantSpec,
  FunctionSpec,
  MethodSpec,
  ModuleSpec,
  ParameterSpec,
  PropertySpec,
  TargetKind,
} from './types.js';

/** Splits `a, b=',', *c` at top-level commas, keeping quoted defaults intact. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote !== null) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** Parses a parameter list written without parentheses: `path, encoding='utf-8'`, `*args`. */
export function parseParams(text: string): ParameterSpec[] {
  const inner = text.trim().replace(/^\(/, '').replace(/\)$/, '');
  return splitTopLevel(inner).map((part): ParameterSpec => {
    if (part.startsWith('**')) return { name: part.slice(2), variadic: 'keyword' };
    if (part.startsWith('*')) return { name: part.slice(1), variadic: 'positional' };
    const eq = part.indexOf('=');
    if (eq < 0) return { name: part };
    return { name: part.slice(0, eq).trim(), default: part.slice(eq + 1).trim() };
  });
}

const PLACEHOLDER_PARAMS: Readonly<Record<string, readonly string[]>> = {
  path: ['path', 'file_path'],
  source: ['source'],
  destination: ['destination'],
  dir: ['dir_path', 'pattern'],
  url: ['url'],
  KEY: ['key'],
};

function targetKindOf(resource: string, placeholder: string): TargetKind {
  if (resource === 'http') return 'url';
  if (resource === 'env') return 'env';
  if (placeholder === 'dir') return 'dir';
  return 'path';
}

/** Turns one template text (`file:read:<source>`, `http:<method>:<url>`) into data. */
function parseTemplate(text: string, params: readonly ParameterSpec[]): CapabilityTemplate {
  const [resource = '', operation = '', ...rest] = text.split(':');
  const target = rest.join(':');
  const template: CapabilityTemplate = { resource, operation, targetKind: 'none', text };
  if (operation === '<method>') {
    // http.request(options): method and url come from the options object.
    template.operation = 'get';
    template.operationKey = 'method';
    template.targetKey = 'url';
    template.targetArg = 0;
    template.targetKind = 'url';
    return template;
  }
  if (target === '') return template;
  const placeholder = /^<(\w+)>$/.exec(target)?.[1];
  if (placeholder === undefined) {
    template.fixedTarget = target;
    template.targetKind = targetKindOf(resource, 'fixed');
    return template;
  }
  template.targetKind = targetKindOf(resource, placeholder);
  const names = PLACEHOLDER_PARAMS[placeholder] ?? [];
  const index = params.findIndex((p) => names.includes(p.name));
  if (index >= 0) {
    template.targetArg = index;
    if (params[index]?.name === 'pattern') template.globBase = true;
  }
  return template;
}

/** Parses a capability column (`file:read:<source>, file:write:<destination>` or `—`). */
export function parseTemplates(text: string, params: readonly ParameterSpec[]): CapabilityTemplate[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '—') return [];
  return trimmed.split(/,\s*/).map((t) => parseTemplate(t.trim(), params));
}

function callable(name: string, params: string, returns: string, caps: string, description: string): CallableSpec {
  const parsed = parseParams(params);
  const capabilities = parseTemplates(caps, parsed);
  return { name, params: parsed, returns, description, pure: capabilities.length === 0, capabilities };
}

export type FunctionDraft = Omit<FunctionSpec, 'module'>;
export type MethodDraft = Omit<MethodSpec, 'className'>;

/** A module function: `fn('read', "path, encoding='utf-8'", 'string', 'file:read:<path>', '...')`. */
export function fn(name: string, params: string, returns: string, caps: string, description: string): FunctionDraft {
  return callable(name, params, returns, caps, description);
}

/** A method of a stdlib class or built-in value type. */
export function method(name: string, params: string, returns: string, caps: string, description: string): MethodDraft {
  return callable(name, params, returns, caps, description);
}

export function property(name: string, type: string, description: string): PropertySpec {
  return { name, type, description };
}

export function cls(
  module: string,
  name: string,
  description: string,
  methods: readonly MethodDraft[],
  properties: readonly PropertySpec[] = [],
): ClassSpec {
  return { name, module, description, methods: methods.map((m) => ({ ...m, className: name })), properties };
}

export function constant(module: string, name: string, type: string, value: string, description: string): ConstantSpec {
  return { module, name, type, value, description };
}

export function defineModule(
  name: string,
  description: string,
  functions: readonly FunctionDraft[],
  classes: readonly ClassSpec[] = [],
  constants: readonly ConstantSpec[] = [],
): ModuleSpec {
  return { name, description, functions: functions.map((f) => ({ ...f, module: name })), classes, constants };
}
