// Loads mlpy.yaml / .mlpy.yaml from TEXT (the host reads the file): YAML errors, unknown keys,
// wrong types and bad capability strings all become CFGxxx diagnostics with exact ranges.
// Never throws and never calls yaml's toJS (which throws on dangling aliases).
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { suggest } from '../capabilities/issues.js';
import { ConfigPositions } from './positions.js';
import { readSandbox, readSecurity } from './sections.js';
import { CONFIG_CODES as CFG, type MlpyConfig } from './types.js';
import { ConfigReader } from './walk.js';

export interface ConfigParseResult {
  /** The valid parts of the file (invalid entries are reported and left out). */
  config: MlpyConfig;
  diagnostics: Diagnostic[];
}

const TOP_KEYS = ['security', 'sandbox'] as const;

export function emptyConfig(): MlpyConfig {
  return {
    security: {
      defaultCapabilities: null,
      profiles: new Map(),
      deniedCapabilities: [],
      analysisLevel: null,
      suppress: [],
    },
    sandbox: { maxMemoryMb: null, maxExecutionTime: null, maxWallTime: null, maxOutputKb: null },
  };
}

function yamlMessage(e: YAMLError): string {
  const first = e.message.split('\n')[0] ?? e.message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses and validates the text of an mlpy.yaml file. */
export function parseMlpyConfig(text: string): ConfigParseResult {
  const source = typeof text === 'string' ? text : '';
  const lines = new LineCounter();
  const config = emptyConfig();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  } catch (err) {
    const positions = new ConfigPositions(source, lines);
    const message = err instanceof Error ? err.message.split('\n')[0] : 'unreadable YAML';
    return {
      config,
      diagnostics: [
        {
          code: CFG.yamlSyntax,
          severity: 'error',
          message: `YAML error: ${message}`,
          range: positions.range(0, 0),
          source: 'config',
        },
      ],
    };
  }
  const positions = new ConfigPositions(source, lines);
  const reader = new ConfigReader(positions);
  for (const e of doc.errors) {
    const end = e.code === 'DUPLICATE_KEY' ? tokenEnd(source, e.pos[0]) : e.pos[1];
    reader.report(CFG.yamlSyntax, `YAML error: ${yamlMessage(e)}`, positions.range(e.pos[0], end));
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = source.slice(w.pos[0], w.pos[1]);
      const message = `\`${tag}\` was read as a YAML tag; quote strings that start with \`!\` ("${tag}")`;
      reader.report(CFG.unsupportedYaml, message, positions.range(w.pos[0], w.pos[1]));
    } else {
      reader.report(CFG.yamlSyntax, `YAML warning: ${yamlMessage(w)}`, positions.range(w.pos[0], w.pos[1]), 'warning');
    }
  }
  for (const pair of reader.map(doc.contents, 'mlpy.yaml')) {
    const key = pair.key.value;
    if (key === 'security') config.security = readSecurity(reader, pair.value);
    else if (key === 'sandbox') config.sandbox = readSandbox(reader, pair.value);
    else reader.unknownKey(pair.key, 'mlpy.yaml', TOP_KEYS, suggest(key, TOP_KEYS));
  }
  const diagnostics = withoutCascades(reader.diagnostics).sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { config, diagnostics };
}

/** End of the key or word starting at `offset` (yaml reports some errors at one character). */
function tokenEnd(text: string, offset: number): number {
  const m = /^[^\s:,\]}]+/.exec(text.slice(offset));
  return offset + (m?.[0].length ?? 1);
}

/** Drops structure errors on values a YAML syntax error already covers: one problem, one message. */
function withoutCascades(diagnostics: Diagnostic[]): Diagnostic[] {
  const syntax = diagnostics.filter((d) => d.code === CFG.yamlSyntax && d.severity === 'error');
  const overlaps = (a: Diagnostic, b: Diagnostic): boolean =>
    a.range.start.offset < b.range.end.offset && b.range.start.offset < a.range.end.offset;
  return diagnostics.filter((d) => d.code === CFG.yamlSyntax || !syntax.some((s) => overlaps(s, d)));
}
