// `args.create_parser` and its `ArgParser` / `ParsedArgs` classes: declare flags, options and
// positionals, then parse an argv list (pure). The run's own arguments come from ctx.argv when
// parse() gets none; args.all/script/rest are host bridges and not part of this module.
import { MLNative, MLObject, type NativeMethodTable, type Value } from '../values.js';
import { pyStr, raise, truthy } from '../ops.js';
import { method, methodTable } from './native.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, listArg, strArg } from './util.js';

interface Spec {
  readonly kind: 'flag' | 'option' | 'positional';
  readonly name: string;
  readonly short: string | null;
  readonly help: string;
  readonly dflt: Value;
  readonly required: boolean;
}

const bare = (s: string) => s.replace(/^-+/, '');

export class ParsedArgsObject extends MLNative {
  readonly typeName = 'ParsedArgs';
  readonly methods: NativeMethodTable = PARSED_METHODS;
  constructor(
    readonly values: Map<string, Value>,
    readonly given: Set<string>,
    readonly specs: readonly Spec[],
  ) {
    super();
  }

  group(kind: Spec['kind']): MLObject {
    return new MLObject(
      this.specs.filter((s) => s.kind === kind).map((s) => [s.name, this.values.get(s.name) ?? null]),
    );
  }

  override toMLString(): string {
    return `ParsedArgs(${[...this.values].map(([k, v]) => `${k}=${pyStr(v)}`).join(', ')})`;
  }
}

const PARSED_METHODS: NativeMethodTable = methodTable<ParsedArgsObject>(
  'ParsedArgs',
  (v): v is ParsedArgsObject => v instanceof ParsedArgsObject,
  {
    has: method(1, 1, (p, n) => p.given.has(bare(strArg(n, 'name')))),
    get: method(1, 2, (p, n, d) => {
      const v = p.values.get(bare(strArg(n, 'name')));
      return v === undefined || v === null ? (d ?? null) : v;
    }),
    get_bool: method(1, 1, (p, n) => {
      const v = p.values.get(bare(strArg(n, 'name'))) ?? null;
      return typeof v === 'string' ? ['true', '1', 'yes', 'on'].includes(v.toLowerCase()) : truthy(v);
    }),
    flags: method(0, 0, (p) => p.group('flag')),
    options: method(0, 0, (p) => p.group('option')),
    positionals: method(0, 0, (p) => p.group('positional')),
  },
);

export class ArgParserObject extends MLNative {
  readonly typeName = 'ArgParser';
  readonly methods: NativeMethodTable = PARSER_METHODS;
  readonly specs: Spec[] = [];

  constructor(
    readonly name: string,
    readonly description: string,
    private readonly argv: () => string[],
  ) {
    super();
  }

  add(
    kind: Spec['kind'],
    nameArg: Value | undefined,
    shortArg: Value | undefined,
    help: Value | undefined,
    dflt: Value,
    required: boolean,
  ): null {
    const name = bare(strArg(nameArg, 'name'));
    if (name === '') raise('ValueError', 'argument name must not be empty');
    if (this.specs.some((s) => s.name === name)) raise('ValueError', `argument '${name}' is already defined`);
    const short = absent(shortArg) || shortArg === '' ? null : bare(strArg(shortArg, 'short'));
    if (short !== null && this.specs.some((s) => s.short === short))
      raise('ValueError', `short option '-${short}' is already defined`);
    this.specs.push({ kind, name, short, help: absent(help) ? '' : strArg(help, 'help_text'), dflt, required });
    return null;
  }

  private option(token: string): Spec {
    const key = bare(token);
    const spec = token.startsWith('--')
      ? this.specs.find((s) => s.name === key && s.kind !== 'positional')
      : this.specs.find((s) => s.short === key);
    if (spec === undefined) return raise('ValueError', `Unknown option: ${token}`);
    return spec;
  }

  parse(argvArg: Value | undefined): ParsedArgsObject {
    const argv = absent(argvArg)
      ? this.argv()
      : listArg(argvArg, 'argv').map((a) => (typeof a === 'string' ? a : pyStr(a)));
    const values = new Map<string, Value>();
    const given = new Set<string>();
    for (const s of this.specs) values.set(s.name, s.kind === 'flag' ? false : s.dflt);
    const positionals = this.specs.filter((s) => s.kind === 'positional');
    let next = 0;
    let onlyPositionals = false;
    const positional = (value: string) => {
      const spec = positionals[next++];
      if (spec === undefined) raise('ValueError', `Unexpected argument: ${value}`);
      values.set(spec.name, value);
      given.add(spec.name);
    };
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (onlyPositionals || arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg)) {
        positional(arg);
        continue;
      }
      if (arg === '--') {
        onlyPositionals = true;
        continue;
      }
      const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
      const token = eq < 0 ? arg : arg.slice(0, eq);
      const spec = this.option(token);
      given.add(spec.name);
      if (spec.kind === 'flag') {
        if (eq >= 0) raise('ValueError', `Flag ${token} does not take a value`);
        values.set(spec.name, true);
      } else if (eq >= 0) {
        values.set(spec.name, arg.slice(eq + 1));
      } else {
        const value = argv[++i];
        if (value === undefined) raise('ValueError', `Option ${token} requires a value`);
        values.set(spec.name, value);
      }
    }
    for (const s of positionals) {
      if (s.required && !given.has(s.name)) raise('ValueError', `Missing required argument: ${s.name}`);
    }
    return new ParsedArgsObject(values, given, this.specs);
  }

  help(): string {
    const pos = this.specs.filter((s) => s.kind === 'positional');
    const opts = this.specs.filter((s) => s.kind !== 'positional');
    const usage = [this.name || 'script'];
    if (opts.length > 0) usage.push('[options]');
    for (const p of pos) usage.push(p.required ? `<${p.name}>` : `[${p.name}]`);
    const lines = [`usage: ${usage.join(' ')}`];
    if (this.description) lines.push('', this.description);
    const table = (title: string, rows: [string, string][]) => {
      if (rows.length === 0) return;
      const width = Math.max(...rows.map(([l]) => l.length));
      lines.push('', title);
      for (const [l, h] of rows) lines.push(`  ${l.padEnd(width)}  ${h}`.trimEnd());
    };
    table(
      'positional arguments:',
      pos.map((p) => [p.name, p.help]),
    );
    table(
      'options:',
      opts.map((o) => {
        const names =
          (o.short ? `-${o.short}, ` : '') + `--${o.name}` + (o.kind === 'option' ? ` ${o.name.toUpperCase()}` : '');
        const dflt = o.kind === 'option' && o.dflt !== null ? ` (default: ${pyStr(o.dflt)})` : '';
        return [names, o.help + dflt];
      }),
    );
    return lines.join('\n');
  }

  override toMLString(): string {
    return `<ArgParser ${this.name || 'script'}>`;
  }
}

const PARSER_METHODS: NativeMethodTable = methodTable<ArgParserObject>(
  'ArgParser',
  (v): v is ArgParserObject => v instanceof ArgParserObject,
  {
    add_flag: method(1, 3, (p, n, s, h) => p.add('flag', n, s, h, false, false)),
    add_option: method(1, 4, (p, n, s, h, d) => p.add('option', n, s, h, d ?? null, false)),
    add_positional: method(1, 3, (p, n, h, r) => p.add('positional', n, null, h, null, truthy(r ?? false))),
    parse: method(0, 1, (p, argv) => p.parse(argv)),
    help: method(0, 0, (p) => p.help()),
  },
);

export function createArgsModule(ctx: ModuleContext): MLModule {
  const argv = () => (ctx.argv ? ctx.argv() : []);
  return new ModuleBuilder('args')
    .fn(
      'create_parser',
      0,
      2,
      (n, d) =>
        new ArgParserObject(absent(n) ? '' : strArg(n, 'name'), absent(d) ? '' : strArg(d, 'description'), argv),
    )
    .build();
}
