// The `log` module and its `Logger` class: levelled messages to stderr through ctx.write, as text or
// JSON lines, with optional timestamps from ctx.now(). log.add_file / Logger.add_file need the file
// system and are host bridges, so they are not part of this pure module.
import { MLNative, type NativeMethodTable, type Value } from '../values.js';
import { pyStr, raise, truthy } from '../ops.js';
import { method, methodTable } from './native.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, isIntLike, strArg } from './util.js';
import { jsonStringify } from './json/module.js';
import { quoteJson } from './json/format.js';
import { isoUtcMillis } from './datetime/iso.js';

export const LEVELS: Readonly<Record<string, number>> = {
  DEBUG: 10,
  INFO: 20,
  WARN: 30,
  WARNING: 30,
  ERROR: 40,
  CRITICAL: 50,
};
const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: 'DEBUG',
  20: 'INFO',
  30: 'WARNING',
  40: 'ERROR',
  50: 'CRITICAL',
};

function levelArg(v: Value | undefined): number {
  if (isIntLike(v)) return Number(v);
  const name = strArg(v, 'level').toUpperCase();
  const n = LEVELS[name];
  if (n === undefined) return raise('ValueError', `Invalid log level: ${pyStr(v ?? null)}`);
  return n;
}

function formatArg(v: Value | undefined): 'text' | 'json' {
  const f = strArg(v, 'format_type').toLowerCase();
  if (f !== 'text' && f !== 'json') raise('ValueError', `Invalid log format: ${f} (use 'text' or 'json')`);
  return f;
}

/** Data attached to a message: JSON when it can be, Python's str() otherwise. */
function dataText(data: Value): string {
  try {
    return jsonStringify(data, null);
  } catch {
    return quoteJson(pyStr(data));
  }
}

export class LoggerObject extends MLNative {
  readonly typeName = 'Logger';
  readonly methods: NativeMethodTable = LOGGER_METHODS;
  level = LEVELS.INFO!;
  format: 'text' | 'json' = 'text';
  timestamps = true;

  constructor(
    readonly name: string | null,
    private readonly ctx: ModuleContext,
  ) {
    super();
  }

  /** Writes one record if `level` passes the threshold. */
  emit(level: number, message: Value | undefined, data: Value | undefined): null {
    if (level < this.level) return null;
    const levelName = LEVEL_NAMES[level] ?? `Level ${level}`;
    const text = typeof message === 'string' ? message : pyStr(message ?? null);
    const time = this.timestamps ? isoUtcMillis(this.ctx.now()) : null;
    let line: string;
    if (this.format === 'json') {
      const fields: string[] = [];
      if (time !== null) fields.push(`"timestamp": ${quoteJson(time)}`);
      fields.push(`"level": ${quoteJson(levelName)}`);
      if (this.name !== null) fields.push(`"logger": ${quoteJson(this.name)}`);
      fields.push(`"message": ${quoteJson(text)}`);
      if (!absent(data)) fields.push(`"data": ${dataText(data)}`);
      line = `{${fields.join(', ')}}`;
    } else {
      const who = this.name !== null ? ` ${this.name}` : '';
      line = `${time !== null ? time + ' ' : ''}[${levelName}]${who}: ${text}${absent(data) ? '' : ' ' + dataText(data)}`;
    }
    this.ctx.write('stderr', line + '\n');
    return null;
  }

  copySettings(from: LoggerObject): this {
    this.level = from.level;
    this.format = from.format;
    this.timestamps = from.timestamps;
    return this;
  }

  override toMLString(): string {
    return `<Logger ${this.name ?? 'root'} (${LEVEL_NAMES[this.level] ?? this.level})>`;
  }
}

type Settings = Pick<LoggerObject, 'level' | 'format' | 'timestamps' | 'emit'>;

/** The operations shared by the module-level functions and Logger methods. */
function operations(target: (self: LoggerObject) => Settings) {
  const at = (level: number) => (self: LoggerObject, message: Value | undefined, data: Value | undefined) =>
    target(self).emit(level, message, data);
  return {
    debug: method(1, 2, at(LEVELS.DEBUG!)),
    info: method(1, 2, at(LEVELS.INFO!)),
    warn: method(1, 2, at(LEVELS.WARN!)),
    error: method(1, 2, at(LEVELS.ERROR!)),
    critical: method(1, 2, at(LEVELS.CRITICAL!)),
    is_debug: method(0, 0, (self: LoggerObject) => target(self).level <= LEVELS.DEBUG!),
    set_level: method(1, 1, (self: LoggerObject, l) => ((target(self).level = levelArg(l)), null)),
    set_format: method(1, 1, (self: LoggerObject, f) => ((target(self).format = formatArg(f)), null)),
    set_timestamp: method(1, 1, (self: LoggerObject, on) => ((target(self).timestamps = truthy(on ?? null)), null)),
  };
}

const LOGGER_METHODS: NativeMethodTable = methodTable<LoggerObject>(
  'Logger',
  (v): v is LoggerObject => v instanceof LoggerObject,
  operations((self) => self),
);

export function createLogModule(ctx: ModuleContext): MLModule {
  const root = new LoggerObject(null, ctx);
  const b = new ModuleBuilder('log');
  for (const [name, def] of Object.entries(operations(() => root))) {
    b.fn(name, def.min, def.max, (...args) => def.impl(root, ...args));
  }
  return b.fn('create_logger', 1, 1, (n) => new LoggerObject(strArg(n, 'name'), ctx).copySettings(root)).build();
}
