// What the server reports for a document: syntax, names, unresolved imports, capability declaration
// problems, grant problems from the settings, and security findings; and for mlpy.yaml, its CFGxxx
// problems plus grants that give everything away. Computes values only; publishing is elsewhere.
import {
  capabilitiesFromDeclaration,
  overlyBroadGrants,
  type Diagnostic as MlDiagnostic,
  type Range as MlRange,
} from '@mlsec/grammar';
import type { Diagnostic } from 'vscode-languageserver';
import type { LoadedConfig } from './config-store.js';
import { toRange, toSeverity } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { ruleHref } from './docs-links.js';

/** Code of an import whose module file does not exist (reported by the server, which sees files). */
export const IMPORT_NOT_FOUND = 'ML320';

const SETTING_OF_ORIGIN: Readonly<Record<string, string>> = {
  '--allow': 'ml.capabilities.allow',
  '--deny': 'ml.capabilities.deny',
  '--profile': 'ml.profile',
};

function startRange(): MlRange {
  const p = { line: 0, column: 0, offset: 0 };
  return { start: p, end: p };
}

function importDiagnostics(a: DocumentAnalysis): MlDiagnostic[] {
  return a.context.modules.missing.map(({ stmt, suggestion }) => {
    const first = stmt.path[0]!;
    const last = stmt.path[stmt.path.length - 1]!;
    const dotted = stmt.path.map((p) => p.name).join('.');
    const where = `${stmt.path.map((p) => p.name).join('/')}.ml`;
    const hint = suggestion ? `. Did you mean '${suggestion}'?` : '';
    const d: MlDiagnostic = {
      code: IMPORT_NOT_FOUND,
      severity: 'error',
      message: `Cannot find module '${dotted}': there is no ${where} beside this file and no standard module of that name${hint}`,
      range: { start: first.range.start, end: last.range.end },
      source: 'names',
    };
    if (suggestion) {
      d.fixes = [{ title: `Change to '${suggestion}'`, edits: [{ range: d.range, newText: suggestion }] }];
    }
    return d;
  });
}

function declarationDiagnostics(a: DocumentAnalysis): MlDiagnostic[] {
  return a.program.body.flatMap((s) => (s.kind === 'CapabilityDecl' ? capabilitiesFromDeclaration(s).diagnostics : []));
}

/** Bad settings (capability strings, unknown profile) shown at the top of each document. */
function settingDiagnostics(a: DocumentAnalysis): MlDiagnostic[] {
  return a.context.grantProblems.flatMap((p) => {
    const setting = SETTING_OF_ORIGIN[p.origin];
    if (setting === undefined) return [];
    const subject = p.capability ? `${setting} '${p.capability}'` : setting;
    return [
      {
        code: p.code,
        severity: p.severity,
        message: `${subject}: ${p.message}`,
        range: startRange(),
        source: 'capabilities',
      },
    ];
  });
}

const computed = new WeakMap<DocumentAnalysis, MlDiagnostic[]>();

/** Every diagnostic of an ML document, in source order (computed once per analysis). */
export function documentDiagnostics(a: DocumentAnalysis): MlDiagnostic[] {
  let found = computed.get(a);
  if (!found) {
    found = collect(a);
    computed.set(a, found);
  }
  return found;
}

/** Security rules that already say all there is about an unknown name or module at their range. */
const SUBSUMING_RULES = new Set(['SEC001', 'SEC002', 'SEC005', 'SEC007']);
const SUBSUMED_CODES = new Set(['ML301', 'ML302', IMPORT_NOT_FOUND]);

function collect(a: DocumentAnalysis): MlDiagnostic[] {
  // Suppressed findings count too: `// mlsec-ignore SEC001` silences the whole story about `eval`.
  const flagged = new Set(
    [...a.security.findings, ...a.security.suppressed]
      .filter((f) => SUBSUMING_RULES.has(f.code))
      .map((f) => `${f.range.start.offset}:${f.range.end.offset}`),
  );
  // `eval(...)` is SEC001, not also "unknown function"; `import os;` is SEC007, not also "module not found".
  const names = [...a.resolution.diagnostics, ...importDiagnostics(a)].filter(
    (d) => !(SUBSUMED_CODES.has(d.code) && flagged.has(`${d.range.start.offset}:${d.range.end.offset}`)),
  );
  const all: MlDiagnostic[] = [
    ...a.parsed.diagnostics,
    ...names,
    ...declarationDiagnostics(a),
    ...settingDiagnostics(a),
    ...a.security.findings,
  ];
  return all
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.range.start.offset - y.d.range.start.offset || x.i - y.i)
    .map(({ d }) => d);
}

/** mlpy.yaml's own problems, and SEC008 for grants (default or any profile) that give everything away. */
export function configDiagnostics(config: LoadedConfig): MlDiagnostic[] {
  const seen = new Set<number>();
  const broad: MlDiagnostic[] = [];
  for (const profile of [null, ...config.config.security.profiles.keys()]) {
    for (const b of overlyBroadGrants(config.config, { root: '/', profile, allow: [] })) {
      if (b.range === null || seen.has(b.range.start.offset)) continue;
      seen.add(b.range.start.offset);
      const message = `'${b.capability}' in ${b.origin} grants everything; name what the programs need`;
      broad.push({ code: 'SEC008', severity: 'warning', source: 'security', range: b.range, message });
    }
  }
  return [...config.diagnostics, ...broad].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

export function toLspDiagnostic(d: MlDiagnostic, docsBase: string): Diagnostic {
  const out: Diagnostic = {
    range: toRange(d.range),
    severity: toSeverity(d.severity),
    code: d.code,
    source: 'mlsec',
    message: d.message,
  };
  const href = ruleHref(docsBase, d.code);
  if (href) out.codeDescription = { href };
  return out;
}
