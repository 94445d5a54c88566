// `mlsec check --format sarif`: the check results as a SARIF 2.1.0 log for GitHub code scanning.
// Artifact URIs are relative to the working directory (forward slashes) or file:// URIs outside it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toSarif } from '@mlsec/grammar/analysis';
import type { FileResult } from './report.js';
import { VERSION } from './version.js';

export function artifactUri(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(path.resolve('.'), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(absolute).href;
  return relative.split(path.sep).join('/');
}

export function sarifReport(
  results: readonly FileResult[],
  docsBase: string | undefined,
  includeSuppressed: boolean,
): string {
  const files = results.map((r) => ({
    uri: artifactUri(r.file),
    diagnostics: r.diagnostics,
    suppressed: r.suppressed ?? [],
  }));
  const options =
    docsBase === undefined
      ? { toolVersion: VERSION, includeSuppressed }
      : { toolVersion: VERSION, includeSuppressed, docsBase };
  return JSON.stringify(toSarif(files, options), null, 2) + '\n';
}
