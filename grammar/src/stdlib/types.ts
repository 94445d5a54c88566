// Types of the stdlib catalogue (STDLIB.md as data): modules, functions, parameters, classes,
// methods and capability templates. Type declarations only; no data and no logic here.

/** How the target of a required capability is obtained from a call. */
export type TargetKind = 'path' | 'dir' | 'url' | 'env' | 'none';

/**
 * A capability a call needs, with placeholders still open: `file:read:<path>` becomes
 * `{resource:'file', operation:'read', targetKind:'path', targetArg:0}`.
 */
export interface CapabilityTemplate {
  resource: string;
  /** Fixed operation, or the default when `operationKey` reads it from an options object. */
  operation: string;
  targetKind: TargetKind;
  /** Index of the argument that supplies the target (or the options object holding it). */
  targetArg?: number;
  /** The target is this property of the object argument `targetArg` (`http.request(options)`). */
  targetKey?: string;
  /** The operation is this property of the object argument `targetArg`, lower-cased. */
  operationKey?: string;
  /** A target fixed by the function itself (`env.all` needs `env:read:*`). */
  fixedTarget?: string;
  /** The argument is a glob; the target is its fixed directory prefix (`path.glob`). */
  globBase?: boolean;
  /** The template as STDLIB.md writes it, e.g. `file:read:<source>`. */
  text: string;
}

export interface ParameterSpec {
  name: string;
  /** Default value as source text in STDLIB.md's notation (`'utf-8'`, `None`, `0`); absent = required. */
  default?: string;
  /** `*args` (positional) or `**kwargs` (keyword). */
  variadic?: 'positional' | 'keyword';
}

/** Common shape of module functions and class methods. */
export interface CallableSpec {
  name: string;
  params: readonly ParameterSpec[];
  /** Result type: `number int float string boolean array object null any function pair` or a class name. */
  returns: string;
  description: string;
  /** STDLIB.md's `—`: needs no capability, callable everywhere. */
  pure: boolean;
  capabilities: readonly CapabilityTemplate[];
}

export interface FunctionSpec extends CallableSpec {
  module: string;
}

export interface MethodSpec extends CallableSpec {
  className: string;
}

export interface PropertySpec {
  name: string;
  type: string;
  description: string;
}

export interface ClassSpec {
  name: string;
  /** Owning module; `builtin` for the built-in value types (string, array, object, pair). */
  module: string;
  description: string;
  methods: readonly MethodSpec[];
  properties: readonly PropertySpec[];
}

export interface ConstantSpec {
  module: string;
  name: string;
  type: string;
  /** Value as source text (`3.141592653589793`). */
  value: string;
  description: string;
}

export interface ModuleSpec {
  name: string;
  description: string;
  functions: readonly FunctionSpec[];
  classes: readonly ClassSpec[];
  constants: readonly ConstantSpec[];
}
