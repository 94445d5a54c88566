// The run result of SANDBOX.md as the extension reads it from `mlsec run --json` or the debug
// adapter's final event: validation of untrusted JSON, a summary line and denied capabilities.
// Only the fields the editor shows are checked; nothing here touches vscode or processes.

export interface RunErrorView {
  kind: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
}

export interface DeniedCapability {
  /** The capability as requested, with its canonical target (`file:read:/ws/data/x.csv`). */
  capability: string;
  resource: string;
  operation: string;
  /** The denial that refused it, when an explicit denial (not a missing grant) decided. */
  deniedBy: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
}

export interface RunResultView {
  ok: boolean;
  exitCode: number;
  stdout: string;
  stderr: string;
  error: RunErrorView | null;
  runMs: number | null;
  denied: DeniedCapability[];
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readError(value: unknown): RunErrorView | null {
  if (!isRecord(value)) return null;
  return {
    kind: str(value['kind']) ?? 'Error',
    message: str(value['message']) ?? '',
    file: str(value['file']),
    line: num(value['line']),
    column: num(value['column']),
  };
}

/** Enforced denials, once per capability, in the order they happened. */
function readDenied(audit: unknown): DeniedCapability[] {
  if (!Array.isArray(audit)) return [];
  const seen = new Set<string>();
  const denied: DeniedCapability[] = [];
  for (const event of audit) {
    if (!isRecord(event) || event['result'] !== 'DENIED' || event['enforced'] === false) continue;
    const capability = str(event['capability']);
    if (capability === null || seen.has(capability)) continue;
    seen.add(capability);
    denied.push({
      capability,
      resource: str(event['resource']) ?? capability.split(':')[0] ?? '',
      operation: str(event['operation']) ?? capability.split(':')[1] ?? '',
      deniedBy: event['reason'] === 'denied' ? (str(event['by']) ?? 'a denial') : null,
      file: str(event['file']),
      line: num(event['line']),
      column: num(event['column']),
    });
  }
  return denied;
}

/** A run result from parsed JSON, or null when the value does not have the SANDBOX.md shape. */
export function readRunResult(value: unknown): RunResultView | null {
  if (!isRecord(value) || typeof value['ok'] !== 'boolean' || !isRecord(value['stats'])) return null;
  const stats = value['stats'];
  return {
    ok: value['ok'],
    exitCode: num(value['exitCode']) ?? (value['ok'] ? 0 : 1),
    stdout: str(value['stdout']) ?? '',
    stderr: str(value['stderr']) ?? '',
    error: readError(value['error']),
    runMs: num(stats['runMs']),
    denied: readDenied(value['audit']),
  };
}

function where(file: string | null, line: number | null, column: number | null): string {
  if (file === null) return '';
  return ` at ${file}${line === null ? '' : `:${line}`}${line === null || column === null ? '' : `:${column}`}`;
}

/** One line for the output channel and the notification. */
export function summarize(result: RunResultView): string {
  const time = result.runMs === null ? '' : ` in ${Math.round(result.runMs)} ms`;
  if (result.ok) return `Finished${time} (exit code ${result.exitCode}).`;
  const error = result.error;
  const reason = error
    ? `${error.kind}: ${error.message}${where(error.file, error.line, error.column)}`
    : 'the run failed';
  return `Failed${time} (exit code ${result.exitCode}): ${reason}`;
}

/** Lines listing each denied capability with the place that asked for it. */
export function describeDenied(result: RunResultView): string[] {
  return result.denied.map((d) => {
    const by = d.deniedBy === null ? '' : ` (explicitly denied by ${d.deniedBy})`;
    return `Denied ${d.capability}${where(d.file, d.line, d.column)}${by}`;
  });
}
