// Publishes diagnostics: debounced (~150 ms) after edits, one document at a time (edited documents
// first, so opening hundreds of files neither delays the one being typed in nor holds hundreds of
// syntax trees at once), never a result for an older version over a newer one, mlpy.yaml problems on
// the yaml file, and pull reports (textDocument/diagnostic) computed on demand with result ids.
import { parseMlpyConfig } from '@mlsec/grammar';
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { AnalysisService } from './analysis-service.js';
import type { LoadedConfig } from './config-store.js';
import { pathToUri } from './convert.js';
import { configDiagnostics, documentDiagnostics, toLspDiagnostic } from './diagnostics.js';
import type { DocumentAnalysis } from './document-analysis.js';
import type { IdleCollector } from './idle-collector.js';
import { documentKind, type DocumentStore } from './document-store.js';

export const DIAGNOSTIC_DELAY_MS = 150;

export class DiagnosticScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents due for a run, in order; the worker takes them one by one. */
  private readonly queue: string[] = [];
  private working = false;
  /** Config files whose diagnostics are on screen (to clear them when the file goes away). */
  private readonly configUris = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly service: AnalysisService,
    private readonly documents: DocumentStore,
    private readonly docsBase: string,
    private readonly delay = DIAGNOSTIC_DELAY_MS,
    /** Called (in the next turn) with each analysis whose diagnostics were published or pulled. */
    private readonly published: (a: DocumentAnalysis) => void = () => undefined,
    /** Told of each document run and of the queue running dry (memory back after a burst). */
    private readonly collector?: IdleCollector,
  ) {}

  /**
   * Runs the document's diagnostics after the debounce; `urgent` ones (edited by the user) go first.
   * A document just opened skips the debounce: there is no typing to wait for.
   */
  schedule(uri: string, urgent = false, opened = false): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(
        () => {
          this.timers.delete(uri);
          this.enqueue(uri, urgent);
        },
        opened ? 0 : this.delay,
      ),
    );
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) if (documentKind(doc.uri) !== 'other') this.schedule(doc.uri);
  }

  private enqueue(uri: string, urgent: boolean): void {
    const at = this.queue.indexOf(uri);
    if (at >= 0) this.queue.splice(at, 1);
    if (urgent) this.queue.unshift(uri);
    else this.queue.push(uri);
    if (!this.working) void this.work();
  }

  private async work(): Promise<void> {
    this.working = true;
    try {
      for (let uri = this.queue.shift(); uri !== undefined; uri = this.queue.shift()) {
        await this.run(uri);
        this.collector?.workDone();
        // Let requests and newer edits in between documents.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.working = false;
      this.collector?.idle();
    }
  }

  /** The document closed: stop pending work and clear what it showed. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const at = this.queue.indexOf(uri);
    if (at >= 0) this.queue.splice(at, 1);
    this.configUris.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** LSP diagnostics of an open document (ML or mlpy.yaml) for its current text. */
  async compute(
    uri: string,
  ): Promise<{ version: number; diagnostics: Diagnostic[]; text: string; analysis?: DocumentAnalysis } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    if (documentKind(uri) === 'config') {
      const text = doc.getText();
      const parsed = parseMlpyConfig(text);
      const loaded: LoadedConfig = { file: uri, config: parsed.config, diagnostics: parsed.diagnostics, text };
      return {
        version: doc.version,
        text,
        diagnostics: configDiagnostics(loaded).map((d) => toLspDiagnostic(d, this.docsBase)),
      };
    }
    const pending = this.service.get(uri);
    if (!pending) return undefined;
    const a = await pending;
    void this.publishConfig(a.context.config);
    return {
      version: a.version,
      text: a.text,
      diagnostics: documentDiagnostics(a).map((d) => toLspDiagnostic(d, this.docsBase)),
      analysis: a,
    };
  }

  private async run(uri: string): Promise<void> {
    try {
      const result = await this.compute(uri);
      const current = this.documents.get(uri);
      // Stale: the document changed while this ran; the run scheduled by that change publishes.
      if (!result || !current || current.version !== result.version || current.getText() !== result.text) return;
      if (documentKind(uri) === 'config') this.configUris.add(uri);
      await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
      const analysis = result.analysis;
      if (analysis) setImmediate(() => this.afterPublish(analysis));
    } catch (error) {
      this.connection.console.error(
        `diagnostics for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  private afterPublish(a: DocumentAnalysis): void {
    try {
      this.published(a);
    } catch (error) {
      this.connection.console.error(
        `after publishing ${a.uri}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Shows the problems of a workspace root's mlpy.yaml that is not open in the editor. */
  async publishConfig(config: LoadedConfig | null): Promise<void> {
    if (!config) return;
    const uri = pathToUri(config.file);
    if (this.documents.getByPath(config.file) || this.configUris.has(uri)) return;
    this.configUris.add(uri);
    await this.connection.sendDiagnostics({
      uri,
      diagnostics: configDiagnostics(config).map((d) => toLspDiagnostic(d, this.docsBase)),
    });
  }

  /** Config files changed on disk: clear what was shown for them; analyses republish what still exists. */
  async configsChanged(): Promise<void> {
    const shown = [...this.configUris].filter((uri) => !this.documents.get(uri));
    for (const uri of shown) {
      this.configUris.delete(uri);
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** textDocument/diagnostic: a full report, or "unchanged" when the client already has this one. */
  async pull(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const result = await this.compute(uri);
    if (!result) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const analysis = result.analysis;
    if (analysis) setImmediate(() => this.afterPublish(analysis));
    const resultId = `${result.version}:${this.service.generation}:${result.text.length}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
  }
}
