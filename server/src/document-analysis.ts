// One analysed version of one ML document: the text, its parse and name resolution, and the security
// analysis under the document's context (settings, mlpy.yaml, grant, user modules). Every stage is
// computed on first use and kept with the version, so features share one result per edit.
import {
  analyze,
  type AnalysisGrant,
  type AnalysisLevel,
  type AnalysisResult,
  type MlSettings,
  type ParseResult,
  type Resolution,
  type ResolveProblem,
  parse,
  resolve,
} from '@mlsec/grammar';
import type { Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedConfig } from './config-store.js';
import type { PreloadedModules } from './modules.js';

/** What a document is analysed under: everything outside its own text. */
export interface AnalysisContext {
  settings: MlSettings;
  /** Absolute folder relative targets resolve against (the workspace folder). */
  root: string;
  /** The document's file path (a stand-in inside the root for unsaved, untitled documents). */
  file: string;
  config: LoadedConfig | null;
  /** Null when the root cannot be used (the problems say why). */
  grant: AnalysisGrant | null;
  /** Problems of the grant: bad capability strings, unknown profile. */
  grantProblems: ResolveProblem[];
  level: AnalysisLevel;
  modules: PreloadedModules;
}

/** A document version with its parse and name resolution, each computed on first use. */
export class ParsedDocument {
  private parseResult: ParseResult | undefined;
  private resolutionResult: Resolution | undefined;
  private tokenCache: ParseResult['tokens'] | undefined;

  readonly doc: TextDocument;

  /** Snapshots the document: the store updates its documents in place, this one never changes. */
  constructor(live: TextDocument) {
    this.doc = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
  }

  get parsed(): ParseResult {
    return (this.parseResult ??= parse(this.doc.getText()));
  }

  /** The significant tokens (materialised once). */
  get tokens(): ParseResult['tokens'] {
    return (this.tokenCache ??= this.parsed.tokens);
  }

  get resolution(): Resolution {
    return (this.resolutionResult ??= resolve(this.parsed.program));
  }
}

export class DocumentAnalysis {
  private securityResult: AnalysisResult | undefined;

  constructor(
    private readonly base: ParsedDocument,
    readonly context: AnalysisContext,
    /** The context generation this was computed under (stale when the service's differs). */
    readonly epoch: number,
  ) {}

  get doc(): TextDocument {
    return this.base.doc;
  }

  get uri(): string {
    return this.base.doc.uri;
  }

  get version(): number {
    return this.base.doc.version;
  }

  get text(): string {
    return this.base.doc.getText();
  }

  get parsed(): ParseResult {
    return this.base.parsed;
  }

  get program(): ParseResult['program'] {
    return this.base.parsed.program;
  }

  get tokens(): ParseResult['tokens'] {
    return this.base.tokens;
  }

  get resolution(): Resolution {
    return this.base.resolution;
  }

  get security(): AnalysisResult {
    if (!this.securityResult) {
      const ctx = this.context;
      const security = ctx.config?.config.security;
      this.securityResult = analyze(this.program, this.resolution, {
        text: this.text,
        file: ctx.file,
        root: ctx.root,
        ...(ctx.grant ? { grant: ctx.grant } : {}),
        analysisLevel: ctx.level,
        suppress: security?.suppress ?? [],
        moduleLoader: ctx.modules.loader,
      });
    }
    return this.securityResult;
  }

  offsetAt(position: Position): number {
    return this.doc.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.doc.positionAt(offset);
  }
}
