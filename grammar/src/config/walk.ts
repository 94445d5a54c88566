// Strict, position-keeping readers over yaml nodes for mlpy.yaml: maps with known keys only,
// lists, strings and numbers. Every mismatch becomes a CFGxxx Diagnostic; nothing throws.
import { isAlias, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Range } from '../syntax/ast.js';
import { ConfigPositions } from './positions.js';
import { CONFIG_CODES as CFG } from './types.js';

export class ConfigReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly positions: ConfigPositions) {}

  report(code: string, message: string, range: Range, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ code, severity, message, range, source: 'config' });
  }

  rangeOf(node: unknown): Range {
    return this.positions.nodeRange((node ?? {}) as { range?: [number, number, number] });
  }

  private describe(node: unknown): string {
    if (node === null || node === undefined) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isAlias(node)) return 'an alias';
    if (isScalar(node)) {
      const v = node.value;
      if (v === null) return 'null';
      if (typeof v === 'string') return `the string \`${v}\``;
      return `${typeof v} \`${String(v)}\``;
    }
    return 'an unsupported value';
  }

  /** Aliases would let one value stand for another far away; mlpy.yaml does not allow them. */
  private rejectAlias(node: unknown): boolean {
    if (!isAlias(node)) return false;
    this.report(
      CFG.unsupportedYaml,
      `YAML aliases are not allowed in mlpy.yaml; if this is a capability string starting with \`*\`, quote it ("*${node.source}")`,
      this.rangeOf(node),
    );
    return true;
  }

  private isNull(node: unknown): boolean {
    return node === null || node === undefined || (isScalar(node) && node.value === null && node.tag === undefined);
  }

  /** Pairs of a mapping with string keys; null values are treated as empty. */
  map(node: unknown, what: string): Pair<Scalar<string>, unknown>[] {
    if (this.isNull(node) || this.rejectAlias(node)) return [];
    if (!isMap(node)) {
      this.report(CFG.wrongType, `\`${what}\` must be a mapping, found ${this.describe(node)}`, this.rangeOf(node));
      return [];
    }
    const pairs: Pair<Scalar<string>, unknown>[] = [];
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report(
          CFG.wrongType,
          `keys of \`${what}\` must be names, found ${this.describe(key)}`,
          this.rangeOf(key ?? node),
        );
        continue;
      }
      pairs.push(pair as Pair<Scalar<string>, unknown>);
    }
    return pairs;
  }

  /** Reports an unknown key with the closest known one. */
  unknownKey(key: Scalar<string>, what: string, known: readonly string[], suggestion: string | undefined): void {
    const hint = suggestion !== undefined ? ` — did you mean \`${suggestion}\`?` : ` (known keys: ${known.join(', ')})`;
    this.report(CFG.unknownKey, `unknown key \`${key.value}\` in \`${what}\`${hint}`, this.rangeOf(key));
  }

  /** Items of a list; a null value is an empty list. */
  list(node: unknown, what: string): unknown[] {
    if (this.isNull(node) || this.rejectAlias(node)) return [];
    if (!isSeq(node)) {
      this.report(CFG.wrongType, `\`${what}\` must be a list, found ${this.describe(node)}`, this.rangeOf(node));
      return [];
    }
    return (node as YAMLSeq<unknown>).items;
  }

  isFlowList(node: unknown): boolean {
    return isSeq(node) && (node as YAMLSeq).flow === true;
  }

  /** A string scalar (no unresolved tag); otherwise reports and returns null. */
  string(node: unknown, what: string): Scalar<string> | null {
    if (this.rejectAlias(node)) return null;
    if (
      isScalar(node) &&
      typeof node.value === 'string' &&
      (node.tag === undefined || node.tag === 'tag:yaml.org,2002:str')
    )
      return node as Scalar<string>;
    // An unresolved tag (`- !file:write:**` unquoted) was already reported where the tag is.
    if (isScalar(node) && typeof node.tag === 'string' && node.tag.startsWith('!')) return null;
    this.report(CFG.wrongType, `${what} must be a string, found ${this.describe(node)}`, this.rangeOf(node));
    return null;
  }

  /** A finite number scalar, optionally an integer, greater than zero. */
  positiveNumber(node: unknown, what: string, integer: boolean): number | null {
    if (this.rejectAlias(node)) return null;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.report(CFG.wrongType, `\`${what}\` must be a number, found ${this.describe(node)}`, this.rangeOf(node));
      return null;
    }
    const value = node.value;
    if (value <= 0 || (integer && !Number.isInteger(value))) {
      this.report(
        CFG.outOfRange,
        `\`${what}\` must be a positive ${integer ? 'integer' : 'number'}, found ${value}`,
        this.rangeOf(node),
      );
      return null;
    }
    return value;
  }
}
