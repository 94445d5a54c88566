// Settings shared by the VS Code client and the language server (`ml.*`): their shape and defaults.
// Types and constants only; the server validates what clients send (server/src/settings.ts).
import type { AnalysisLevel } from '../config/types.js';

/** The configuration section the server asks for with `workspace/configuration`. */
export const ML_SETTINGS_SECTION = 'ml';

/** Per-document settings of the language server (the `ml` section, as `workspace/configuration` returns it). */
export interface MlSettings {
  /** `ml.profile`: the mlpy.yaml capability profile the editor checks against; null = default grant. */
  profile: string | null;
  capabilities: {
    /** `ml.capabilities.allow`: extra grants, like `mlsec run --allow`. */
    allow: string[];
    /** `ml.capabilities.deny`: extra denials, like `mlsec run --deny`. */
    deny: string[];
  };
  security: {
    /** `ml.security.analysisLevel`: overrides mlpy.yaml `analysis_level` when set. */
    analysisLevel: AnalysisLevel | null;
  };
  codeLens: {
    /** `ml.codeLens.enabled`: the "needs: ..." lenses over functions and files. */
    enabled: boolean;
  };
}

export const DEFAULT_ML_SETTINGS: Readonly<MlSettings> = Object.freeze({
  profile: null,
  capabilities: Object.freeze({ allow: [], deny: [] }),
  security: Object.freeze({ analysisLevel: null }),
  codeLens: Object.freeze({ enabled: true }),
}) as Readonly<MlSettings>;

/** `initializationOptions` a client may send with `initialize`. */
export interface MlInitializationOptions {
  /**
   * Whether the server offers pull diagnostics (`textDocument/diagnostic`) to a client that supports
   * them (default true). Diagnostics are pushed either way; a client that shows pushed and pulled
   * diagnostics in separate collections (vscode-languageclient) should pass false.
   */
  pullDiagnostics?: boolean;
  /**
   * The `ml` settings to use until the client pushes others with didChangeConfiguration, for clients
   * that answer no workspace/configuration requests (Neovim 0.7 does not announce them).
   */
  settings?: unknown;
}
