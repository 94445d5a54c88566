// Security analysis of imported user modules, for what their functions need (hover, signature help):
// run with the importing document's root and preloaded modules, cached per module program.
import { analyze, type AnalysisResult, type FunctionCapabilities } from '@mlsec/grammar';
import type { DocumentAnalysis } from './document-analysis.js';
import type { ParsedModule } from './modules.js';

const cache = new WeakMap<ParsedModule['program'], AnalysisResult>();

export function moduleAnalysis(a: DocumentAnalysis, mod: ParsedModule): AnalysisResult {
  let found = cache.get(mod.program);
  if (!found) {
    found = analyze(mod.program, mod.resolution, {
      text: mod.text,
      file: mod.file,
      root: a.context.root,
      moduleLoader: a.context.modules.loader,
    });
    cache.set(mod.program, found);
  }
  return found;
}

export function moduleFunction(a: DocumentAnalysis, mod: ParsedModule, name: string): FunctionCapabilities | undefined {
  return moduleAnalysis(a, mod).capabilities.functions.find((f) => f.name === name);
}
