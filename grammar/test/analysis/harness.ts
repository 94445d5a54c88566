// Test helper for the security analysis: runs a fixture (options in a leading `// fixture: {json}`
// comment, which the analyzer itself never reads) and renders the result as stable text.
import {
  analyze,
  grantFromConfig,
  parse,
  resolve,
  type AnalysisLevel,
  type AnalysisOptions,
  type AnalysisResult,
  type Finding,
  type ModuleLoader,
} from '@mlsec/grammar';

/** Relative targets of fixtures resolve against this root. */
export const FIXTURE_ROOT = '/workspace';

export interface FixtureOptions {
  /** Grant on top of the default grant (present: SEC010 is checked; `[]` = the default grant alone). */
  grant?: string[];
  deny?: string[];
  level?: AnalysisLevel;
  suppress?: string[];
  /** User modules by dotted path (`lib.util`), available to `import`. */
  modules?: Record<string, string>;
}

const HEADER = /^\/\/ fixture: (.*)$/m;

export function fixtureOptions(text: string): FixtureOptions {
  const m = HEADER.exec(text.split('\n')[0] ?? '');
  return m ? (JSON.parse(m[1]!) as FixtureOptions) : {};
}

export function moduleLoader(modules: Record<string, string>): ModuleLoader {
  return {
    load: (path) => {
      const source = modules[path.join('.')];
      return source === undefined
        ? undefined
        : { file: `${FIXTURE_ROOT}/${path.join('/')}.ml`, program: parse(source).program };
    },
  };
}

export function analyzeText(text: string, opts: FixtureOptions = fixtureOptions(text)): AnalysisResult {
  const { program } = parse(text);
  const options: AnalysisOptions = { text, root: FIXTURE_ROOT, file: `${FIXTURE_ROOT}/main.ml` };
  if (opts.grant) {
    const { grant } = grantFromConfig(null, { root: FIXTURE_ROOT, allow: opts.grant, deny: opts.deny ?? [] });
    if (grant) options.grant = grant;
  }
  if (opts.level) options.analysisLevel = opts.level;
  if (opts.suppress) options.suppress = opts.suppress;
  if (opts.modules) options.moduleLoader = moduleLoader(opts.modules);
  return analyze(program, resolve(program), options);
}

function position(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`;
}

function line(text: string, f: Finding): string {
  const covered = JSON.stringify(text.slice(f.range.start.offset, f.range.end.offset));
  const cap = f.capability ? ` [${f.capability}]` : '';
  return `${f.code} ${f.severity} ${position(f)} ${covered} ${f.message}${cap}`;
}

/** One line per finding (suppressed ones marked), then the score. */
export function render(text: string, result: AnalysisResult): string {
  const lines = result.findings.map((f) => line(text, f));
  for (const f of result.suppressed) lines.push(`suppressed(${f.suppression?.by}) ${line(text, f)}`);
  lines.push(`score ${result.score}`);
  return lines.join('\n') + '\n';
}
