// How stdlib items read in hovers, completion details and signature help: signatures in ML notation
// (`file.read(path, encoding='utf-8') -> string`) and capability templates. Pure text building.
import type {
  CallableSpec,
  ClassSpec,
  ConstantSpec,
  FunctionSpec,
  MethodSpec,
  ModuleSpec,
  ParameterSpec,
} from '@mlsec/grammar';

export function parameterText(p: ParameterSpec): string {
  if (p.variadic === 'positional') return `*${p.name}`;
  if (p.variadic === 'keyword') return `**${p.name}`;
  return p.default === undefined ? p.name : `${p.name}=${p.default}`;
}

export function qualifiedName(spec: FunctionSpec | MethodSpec): string {
  if ('className' in spec) return `${spec.className}.${spec.name}`;
  return spec.module === 'builtin' ? spec.name : `${spec.module}.${spec.name}`;
}

export function signatureText(spec: FunctionSpec | MethodSpec): string {
  return `${qualifiedName(spec)}(${spec.params.map(parameterText).join(', ')}) -> ${spec.returns}`;
}

/** `file:read:<path>` templates, or null when the function needs no capability. */
export function capabilityTemplates(spec: CallableSpec): string | null {
  if (spec.capabilities.length === 0) return null;
  return spec.capabilities.map((c) => c.text).join(', ');
}

/** One line for completion details: the signature and what it needs. */
export function completionDetail(spec: FunctionSpec | MethodSpec): string {
  const caps = capabilityTemplates(spec);
  return caps === null ? signatureText(spec) : `${signatureText(spec)}  needs ${caps}`;
}

export function callableMarkdown(spec: FunctionSpec | MethodSpec): string {
  const caps = capabilityTemplates(spec);
  const needs = caps === null ? 'Needs no capability.' : `Needs \`${caps}\`.`;
  return `\`\`\`ml\n${signatureText(spec)}\n\`\`\`\n${spec.description}\n\n${needs}`;
}

export function constantMarkdown(c: ConstantSpec): string {
  return `\`\`\`ml\n${c.module}.${c.name} = ${c.value}\n\`\`\`\n${c.description}`;
}

export function moduleMarkdown(m: ModuleSpec): string {
  return `\`\`\`ml\nimport ${m.name};\n\`\`\`\n${m.description}`;
}

export function classMarkdown(c: ClassSpec): string {
  const methods = c.methods.map((m) => m.name).join(', ');
  return `\`\`\`ml\n${c.name}\n\`\`\`\n${c.description}${methods ? `\n\nMethods: ${methods}` : ''}`;
}
