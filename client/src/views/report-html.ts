// Renders an `ml/securityReport` result as the Security Report webview's HTML: score, counts per
// rule severity, findings with rule id, message, fix hint and a link to the location. Every value
// from the server is HTML-escaped; the page runs one nonce'd script that only posts clicks back.
import type { SecurityFindingInfo, SecurityReportResult } from '@mlsec/grammar/protocol';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

function row(f: SecurityFindingInfo, index: number, suppressed: boolean): string {
  const line = f.range.start.line + 1;
  const col = f.range.start.character + 1;
  const cap = f.capability ? `<div class="cap">capability: <code>${escapeHtml(f.capability)}</code></div>` : '';
  const how = f.suppression
    ? `<div class="muted">suppressed by ${escapeHtml(f.suppression.by)}: <code>${escapeHtml(f.suppression.text)}</code></div>`
    : '';
  return `<tr class="${escapeHtml(f.severity)}${suppressed ? ' suppressed' : ''}">
<td><a href="${escapeHtml(f.href)}">${escapeHtml(f.code)}</a></td>
<td>${escapeHtml(f.ruleSeverity)}</td>
<td><a href="#" data-finding="${index}" data-suppressed="${suppressed}">${line}:${col}</a></td>
<td>${escapeHtml(f.message)}<div class="muted">${escapeHtml(f.category)} · ${escapeHtml(f.cwe)} · fix: ${escapeHtml(f.fixHint)}</div>${cap}${how}</td>
</tr>`;
}

function table(findings: SecurityFindingInfo[], suppressed: boolean): string {
  if (findings.length === 0) return '';
  return `<table><thead><tr><th>Rule</th><th>Severity</th><th>Line</th><th>Finding</th></tr></thead>
<tbody>${findings.map((f, i) => row(f, i, suppressed)).join('\n')}</tbody></table>`;
}

export function reportHtml(report: SecurityReportResult, fileName: string, nonce: string, cspSource: string): string {
  const counts = SEVERITY_ORDER.map((s) => [s, report.findings.filter((f) => f.ruleSeverity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const summary = counts.length > 0 ? counts.join(' · ') : 'no findings';
  const suppressed =
    report.suppressed.length > 0
      ? `<h2>Suppressed (${report.suppressed.length})</h2>${table(report.suppressed, true)}`
      : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
.score { font-size: 2.4em; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
.muted { opacity: 0.75; font-size: 0.9em; }
tr.error td:first-child { border-left: 3px solid var(--vscode-editorError-foreground); }
tr.warning td:first-child { border-left: 3px solid var(--vscode-editorWarning-foreground); }
tr.suppressed { opacity: 0.6; }
</style><title>Security Report</title></head>
<body>
<h1>Security Report: ${escapeHtml(fileName)}</h1>
<div class="score" id="score">${report.score}/100</div>
<p>${escapeHtml(summary)} · analysis level ${escapeHtml(report.analysisLevel)}</p>
${report.findings.length > 0 ? table(report.findings, false) : '<p>No security findings.</p>'}
${suppressed}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-finding]');
  if (!a) return;
  event.preventDefault();
  vscode.postMessage({ finding: Number(a.dataset.finding), suppressed: a.dataset.suppressed === 'true' });
});
</script>
</body></html>`;
}
