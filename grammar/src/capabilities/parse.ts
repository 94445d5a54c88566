// Parses and validates capability strings (`!`? resource `:` operation (`:` target)?) including the
// reference's dotted aliases. Every problem is an issue with an exact offset; nothing throws and
// nothing malformed is ever turned into a grant. Compiling for a run is in compile.ts.
import { CAPABILITY_CODES as C, hasError, issue, suggest, type CapabilityIssue } from './issues.js';
import { RESOURCES, RESOURCE_NAMES, resourceInfo, type TargetSyntax } from './resources.js';
import { checkPathPattern } from './target-path.js';
import { compileHostPortPattern, compileNamePattern } from './target-name.js';
import { compileUrlPattern } from './target-url.js';

export const MAX_CAPABILITY_LENGTH = 1024;
export const MAX_GLOBSTARS = 8;

export interface ParsedTarget {
  raw: string;
  /** Offset of this alternative within the capability string as written. */
  offset: number;
}

export interface ParsedCapability {
  /** The string as written. */
  source: string;
  /** Normalised form: dotted aliases expanded (`file:read:**`), `!` kept for denials. */
  text: string;
  denial: boolean;
  /** A resource name or `*`. */
  resource: string;
  /** An operation word or `*`. */
  operation: string;
  /** The target text, or null when absent. */
  target: string | null;
  /** Comma-separated alternatives of the target ([] when absent). */
  alternatives: readonly ParsedTarget[];
  /** Target syntax of the resource (`none` for `*` and targetless resources). */
  syntax: TargetSyntax;
  alias: boolean;
}

export interface ParseCapabilityResult {
  /** null when an error-severity issue was found. */
  capability: ParsedCapability | null;
  issues: CapabilityIssue[];
}

const WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Splits a target at commas that are not inside `[...]`. */
function splitAlternatives(target: string, offset: number): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  let start = 0;
  let classStart = -1; // index of the open `[`, or -1 outside a class
  for (let i = 0; i <= target.length; i++) {
    const ch = target[i];
    if (classStart >= 0) {
      const firstInClass = i === classStart + 1 || (i === classStart + 2 && target[classStart + 1] === '!');
      if (ch === ']' && !firstInClass) classStart = -1;
      else if (i === target.length) out.push({ raw: target.slice(start, i), offset: offset + start });
    } else if (ch === '[') {
      classStart = i;
    } else if (ch === ',' || i === target.length) {
      out.push({ raw: target.slice(start, i), offset: offset + start });
      start = i + 1;
    }
  }
  return out;
}

function expandAlias(body: string): { text: string } | null {
  const m = /^([a-z]+)\.([a-z_]+)$/.exec(body);
  if (m === null) return null;
  const [, resource, operation] = m as unknown as [string, string, string];
  if (resource === 'network' && operation === 'http') return { text: 'http:*:**' };
  const info = resourceInfo(resource);
  if (info === undefined) return null;
  return { text: info.target === 'none' ? `${resource}:${operation}` : `${resource}:${operation}:**` };
}

function checkAlternative(syntax: TargetSyntax, alt: ParsedTarget, issues: CapabilityIssue[]): void {
  if (alt.raw === '') {
    issues.push(issue(C.syntax, 'empty target alternative', alt.offset, 1));
    return;
  }
  const globstars = alt.raw.split('/').filter((s) => s === '**').length;
  if (globstars > MAX_GLOBSTARS) {
    issues.push(
      issue(
        C.tooManyGlobstars,
        `a pattern may contain at most ${MAX_GLOBSTARS} \`**\` segments (found ${globstars})`,
        alt.offset,
        alt.raw.length,
      ),
    );
    return;
  }
  if (syntax === 'path') {
    const problem = checkPathPattern(alt.raw);
    if (problem !== null) {
      const code = problem.code === 'dotDot' ? C.dotDotSegment : C.badGlob;
      issues.push(issue(code, problem.message, alt.offset + problem.offset, problem.code === 'dotDot' ? 2 : 1));
    }
  } else if (syntax === 'url') {
    const url = compileUrlPattern(alt.raw);
    if (!url.ok) {
      const code = url.code === 'dotDot' ? C.dotDotSegment : url.code === 'glob' ? C.badGlob : C.badUrl;
      issues.push(issue(code, url.message, alt.offset + url.offset, Math.max(1, alt.raw.length - url.offset)));
    } else {
      for (const hint of url.hints)
        issues.push(issue(C.urlWithoutPath, hint.message, alt.offset, alt.raw.length, 'warning'));
    }
  } else if (syntax === 'name') {
    const name = compileNamePattern(alt.raw);
    if (!name.ok) issues.push(issue(C.badName, name.message, alt.offset + name.offset, 1));
  } else if (syntax === 'hostport') {
    const hp = compileHostPortPattern(alt.raw);
    if (!hp.ok) issues.push(issue(C.badHostPort, hp.message, alt.offset + hp.offset, alt.raw.length - hp.offset));
  }
}

function checkOperation(resource: string, operation: string, offset: number, issues: CapabilityIssue[]): void {
  if (operation === '*') return;
  if (!WORD.test(operation)) {
    issues.push(
      issue(
        C.syntax,
        operation === '' ? 'missing operation after `:`' : `\`${operation}\` is not an operation word`,
        offset,
        Math.max(1, operation.length),
      ),
    );
    return;
  }
  const known = resourceInfo(resource)?.operations;
  if (known === undefined || known === null || known.includes(operation)) return;
  const hint = suggest(operation, known);
  const tail = hint !== undefined ? ` — did you mean \`${hint}\`?` : ` (known: ${known.join(', ')})`;
  issues.push(
    issue(
      C.unknownOperation,
      `unknown operation \`${operation}\` for resource \`${resource}\`${tail}`,
      offset,
      operation.length,
    ),
  );
}

/** Parses one capability string. */
export function parseCapability(source: string): ParseCapabilityResult {
  const issues: CapabilityIssue[] = [];
  const fail = (): ParseCapabilityResult => ({ capability: null, issues });
  if (source.trim() === '') return { capability: null, issues: [issue(C.empty, 'empty capability', 0, source.length)] };
  if (source.length > MAX_CAPABILITY_LENGTH) {
    issues.push(
      issue(
        C.tooLong,
        `capability is longer than ${MAX_CAPABILITY_LENGTH} characters`,
        MAX_CAPABILITY_LENGTH,
        source.length - MAX_CAPABILITY_LENGTH,
      ),
    );
    return fail();
  }
  const nul = source.indexOf('\0');
  if (nul >= 0) return { capability: null, issues: [issue(C.nulByte, 'capability contains a NUL byte', nul, 1)] };
  if (source !== source.trim())
    return {
      capability: null,
      issues: [issue(C.syntax, 'capability has leading or trailing whitespace', 0, source.length)],
    };
  const denial = source.startsWith('!');
  const base = denial ? 1 : 0;
  let body = source.slice(base);
  let alias = false;
  if (!body.includes(':')) {
    const expanded = expandAlias(body);
    if (expanded === null) {
      const word = body.split('.')[0] ?? body;
      if (/^[a-z]+\.[a-z_]+$/.test(body) && !RESOURCES.has(word)) {
        const hint = suggest(word, RESOURCE_NAMES);
        return {
          capability: null,
          issues: [
            issue(
              C.unknownResource,
              `unknown resource \`${word}\`${hint ? ` — did you mean \`${hint}\`?` : ''}`,
              base,
              word.length,
            ),
          ],
        };
      }
      return {
        capability: null,
        issues: [issue(C.syntax, 'expected resource:operation or resource:operation:target', base, body.length)],
      };
    }
    issues.push(
      issue(
        C.dottedAlias,
        `\`${body}\` is the reference's dotted form; write \`${expanded.text}\``,
        base,
        body.length,
        'hint',
      ),
    );
    body = expanded.text;
    alias = true;
  }
  const first = body.indexOf(':');
  const resource = body.slice(0, first);
  const rest = body.slice(first + 1);
  const second = rest.indexOf(':');
  const operation = second < 0 ? rest : rest.slice(0, second);
  const target = second < 0 ? null : rest.slice(second + 1);
  const opOffset = alias ? base : base + first + 1;
  const targetOffset = alias ? base : opOffset + operation.length + 1;
  if (resource !== '*' && !RESOURCES.has(resource)) {
    const hint = suggest(resource, RESOURCE_NAMES);
    issues.push(
      issue(
        C.unknownResource,
        `unknown resource \`${resource}\`${hint ? ` — did you mean \`${hint}\`?` : ''}`,
        base,
        Math.max(1, resource.length),
      ),
    );
    return fail();
  }
  checkOperation(resource, operation, opOffset, issues);
  const syntax: TargetSyntax = resource === '*' ? 'none' : resourceInfo(resource)!.target;
  let alternatives: ParsedTarget[] = [];
  if (target !== null) {
    if (resource === '*' && target !== '**') {
      issues.push(
        issue(
          C.unexpectedTarget,
          'with resource `*` the target must be `**` (or omitted)',
          targetOffset,
          Math.max(1, target.length),
        ),
      );
    } else if (syntax === 'none' && resource !== '*') {
      issues.push(
        issue(C.unexpectedTarget, `resource \`${resource}\` takes no target`, targetOffset - 1, target.length + 1),
      );
    } else if (target === '') {
      issues.push(issue(C.syntax, 'empty target after `:`', targetOffset - 1, 1));
    } else {
      alternatives = splitAlternatives(target, targetOffset);
      if (resource !== '*') for (const alt of alternatives) checkAlternative(syntax, alt, issues);
    }
  } else if (syntax !== 'none' && !denial) {
    issues.push(
      issue(
        C.missingTarget,
        `\`${resource}\` capabilities need a target (e.g. \`${resource}:${operation}:**\`); without one this grant matches nothing`,
        base,
        source.length - base,
        'warning',
      ),
    );
  }
  if (hasError(issues)) return fail();
  const text = (denial ? '!' : '') + body;
  return { capability: { source, text, denial, resource, operation, target, alternatives, syntax, alias }, issues };
}
