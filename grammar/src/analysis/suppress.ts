// Suppressions: `// mlsec-ignore SEC014` (on the finding's line or the line above; several ids may be
// listed) and mlpy.yaml `suppress` entries (`SEC005` for the whole file, `SEC005:line_45` for one
// 1-based line). Suppressed findings are kept, marked, and returned separately; never dropped.
import type { Comment } from '../syntax/ast.js';
import type { Finding, SuppressRule, Suppression } from './types.js';

const IGNORE_COMMENT = /^\/\/\s*mlsec-ignore\b(.*)$/;
const RULE_IN_TEXT = /\bSEC\d{3}\b/g;
const CONFIG_ENTRY = /^(SEC\d{3})(?::line_(\d+))?$/;

interface LineRule {
  suppression: Suppression;
  rules: Set<string>;
}

/** Parses one mlpy.yaml `suppress` entry; null when it is not of the form `SECnnn[:line_N]`. */
export function parseSuppressEntry(entry: string): { rule: string; line: number | null } | null {
  const m = CONFIG_ENTRY.exec(entry.trim());
  if (!m) return null;
  return { rule: m[1]!, line: m[2] === undefined ? null : Number(m[2]) };
}

export function applySuppressions(
  findings: readonly Finding[],
  comments: readonly Comment[],
  config: readonly (string | SuppressRule)[],
): { active: Finding[]; suppressed: Finding[] } {
  const byLine = new Map<number, LineRule[]>();
  for (const c of comments) {
    const m = IGNORE_COMMENT.exec(c.text);
    if (!m) continue;
    const rules = new Set(m[1]!.match(RULE_IN_TEXT) ?? []);
    if (rules.size === 0) continue;
    const entry: LineRule = { suppression: { by: 'comment', range: c.range, text: c.text }, rules };
    for (const line of [c.range.start.line, c.range.start.line + 1]) {
      const list = byLine.get(line);
      if (list) list.push(entry);
      else byLine.set(line, [entry]);
    }
  }
  const entries = config.flatMap((entry) => {
    if (typeof entry !== 'string')
      return [{ ...entry, text: entry.line === null ? entry.rule : `${entry.rule}:line_${entry.line}` }];
    const parsed = parseSuppressEntry(entry);
    return parsed ? [{ ...parsed, text: entry }] : [];
  });

  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const line = f.range.start.line;
    const byComment = byLine.get(line)?.find((e) => e.rules.has(f.code))?.suppression;
    const byConfig = entries.find((e) => e.rule === f.code && (e.line === null || e.line === line + 1));
    const suppression: Suppression | undefined =
      byComment ?? (byConfig ? { by: 'config', range: null, text: byConfig.text } : undefined);
    if (suppression) suppressed.push({ ...f, suppression });
    else active.push(f);
  }
  return { active, suppressed };
}
