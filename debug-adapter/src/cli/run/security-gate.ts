// The security gate in front of `mlsec run`: the analysis of SECURITY-RULES.md on every file the
// program loads, under the run's grant and mlpy.yaml settings; error-severity findings refuse the
// run. It remembers which rules refused, for the summary. User modules are read synchronously.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisGrant, Diagnostic, LoadedModule, MlpyConfig, ModuleLoader, RuleId } from '@mlsec/grammar';
import { analyze, isRuleId } from '@mlsec/grammar/analysis';
import { parse } from '@mlsec/grammar/syntax';
import type { Analyzer } from '../../sandbox/pipeline.js';

/** User module `a.b` is `a/b.ml` under the root, as the sandbox itself resolves it. */
function moduleLoader(root: string): ModuleLoader {
  const cache = new Map<string, LoadedModule | undefined>();
  return {
    load(modulePath) {
      const file = path.join(root, ...modulePath) + '.ml';
      if (!cache.has(file)) {
        let loaded: LoadedModule | undefined;
        try {
          loaded = { file, program: parse(readFileSync(file, 'utf8')).program };
        } catch {
          loaded = undefined;
        }
        cache.set(file, loaded);
      }
      return cache.get(file);
    },
  };
}

export interface SecurityGate {
  analyzer: Analyzer;
  /** Rules whose error-severity findings refused the run, in the order first seen. */
  refusedBy(): RuleId[];
}

/**
 * `grant` undefined (audit-only runs) leaves SEC010 out: nothing is enforced, so a capability the
 * grant lacks is recorded when used rather than refused up front.
 */
export function securityGate(root: string, config: MlpyConfig | null, grant: AnalysisGrant | undefined): SecurityGate {
  const refused: RuleId[] = [];
  const loader = moduleLoader(root);
  const security = config?.security;
  const analyzer: Analyzer = ({ program, resolution, source, file }) => {
    const result = analyze(program, resolution, {
      text: source,
      file: path.resolve(root, file),
      root,
      ...(grant ? { grant } : {}),
      analysisLevel: security?.analysisLevel?.value ?? 'moderate',
      suppress: security?.suppress ?? [],
      moduleLoader: loader,
    });
    for (const f of result.findings) {
      if (f.severity === 'error' && isRuleId(f.code) && !refused.includes(f.code)) refused.push(f.code);
    }
    return result.findings as Diagnostic[];
  };
  return { analyzer, refusedBy: () => [...refused] };
}
