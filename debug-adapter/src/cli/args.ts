// Strict command-line parsing shared by every command: declared options only (unknown ones are a
// usage error), `--name value` and `--name=value`, choices checked, positional counts enforced,
// everything after `--` passed through. It reports problems as UsageError and never exits itself.

export interface OptionSpec {
  type: 'boolean' | 'string' | 'strings';
  description: string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  /** Placeholder shown in help (`--format FORMAT`). */
  valueName?: string;
  /** One-letter alias (`-o`). */
  short?: string;
}

export interface ArgSpec {
  options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments: shown as `name` in help; counts enforced. */
  positionals: { name: string; min: number; max: number };
  /** Whether `-- args...` is accepted (collected in `rest`). */
  passThrough?: boolean;
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean'
  ? boolean
  : O['type'] extends 'string'
    ? string | undefined
    : string[];

export type OptionValues<S extends ArgSpec> = { -readonly [K in keyof S['options']]: ValueOf<S['options'][K]> };

export interface ParsedArgs<S extends ArgSpec> {
  options: OptionValues<S>;
  positionals: string[];
  rest: string[];
}

/** A mistake in how the command was invoked: reported with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs<S extends ArgSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const values: Record<string, boolean | string | string[] | undefined> = {};
  for (const [name, opt] of Object.entries(spec.options)) {
    values[name] = opt.type === 'boolean' ? false : opt.type === 'strings' ? [] : undefined;
  }
  const byShort = new Map(Object.entries(spec.options).flatMap(([n, o]) => (o.short ? [[o.short, n] as const] : [])));
  const positionals: string[] = [];
  let rest: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      if (!spec.passThrough) throw new UsageError("'--' is not accepted here");
      rest = argv.slice(i + 1);
      break;
    }
    if (arg.length < 2 || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name: string | undefined;
    if (arg.startsWith('--')) name = arg.slice(2, eq < 0 ? undefined : eq);
    else if (arg.length === 2) name = byShort.get(arg.slice(1));
    const opt = name === undefined ? undefined : spec.options[name];
    if (name === undefined || !opt) throw new UsageError(`unknown option '${eq < 0 ? arg : arg.slice(0, eq)}'`);
    const flag = arg.startsWith('--') ? `--${name}` : arg;

    if (opt.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`option '${flag}' takes no value`);
      values[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) {
        throw new UsageError(`option '${flag}' needs a value`);
      }
      value = next;
      i++;
    }
    if (opt.choices && !opt.choices.includes(value)) {
      throw new UsageError(`option '${flag}' must be one of ${opt.choices.join(', ')} (got '${value}')`);
    }
    if (opt.type === 'strings') (values[name] as string[]).push(value);
    else if (values[name] !== undefined) throw new UsageError(`option '${flag}' given more than once`);
    else values[name] = value;
  }

  const { name, min, max } = spec.positionals;
  if (positionals.length < min) throw new UsageError(`missing ${name}`);
  if (positionals.length > max) {
    throw new UsageError(
      max === 0 ? `unexpected argument '${positionals[0]}'` : `too many arguments (expected at most ${max} ${name})`,
    );
  }
  return { options: values as OptionValues<S>, positionals, rest };
}

/** The options section of a command's help text, generated from its spec. */
export function optionsHelp(spec: ArgSpec): string {
  const rows = Object.entries(spec.options).map(([name, opt]) => {
    const value = opt.type === 'boolean' ? '' : ` ${opt.valueName ?? 'VALUE'}`;
    const short = opt.short ? `-${opt.short}, ` : '';
    const choices = opt.choices ? ` (${opt.choices.join('|')})` : '';
    return [`${short}--${name}${value}`, `${opt.description}${choices}`] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}
