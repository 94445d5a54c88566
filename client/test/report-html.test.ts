// The Security Report webview page: every server value is escaped and the page allows no foreign code.
import { describe, expect, it } from 'vitest';
import type { SecurityFindingInfo } from '@mlsec/grammar';
import { escapeHtml, reportHtml } from '../src/views/report-html.js';

const finding = (code: string, message: string, ruleSeverity: string): SecurityFindingInfo => ({
  code,
  severity: 'error',
  ruleSeverity,
  category: 'code_injection',
  cwe: 'CWE-95',
  message,
  fixHint: 'remove it',
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } },
  href: 'https://example.invalid/docs#SEC001',
});

describe('reportHtml', () => {
  it('escapes markup from findings', () => {
    expect(escapeHtml(`<img src=x onerror="a">'&`)).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#39;&#38;');
    const html = reportHtml(
      {
        uri: 'file:///ws/a.ml',
        score: 60,
        analysisLevel: 'moderate',
        findings: [finding('SEC001', '<script>alert(1)</script>', 'critical')],
        suppressed: [],
      },
      'a<b>.ml',
      'NONCE',
      'vscode-webview:',
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Security Report: a&#60;b&#62;.ml');
    expect(html).toContain("script-src 'nonce-NONCE'");
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('shows score, counts by rule severity, locations and suppressed findings', () => {
    const suppressed = {
      ...finding('SEC014', 'code-like string', 'medium'),
      suppression: { by: 'comment' as const, text: '// mlsec-ignore SEC014' },
    };
    const html = reportHtml(
      {
        uri: 'file:///ws/a.ml',
        score: 40,
        analysisLevel: 'strict',
        findings: [
          finding('SEC001', 'eval', 'critical'),
          finding('SEC005', 'this', 'critical'),
          finding('SEC016', 'div', 'medium'),
        ],
        suppressed: [suppressed],
      },
      'a.ml',
      'N',
      'vscode-webview:',
    );
    expect(html).toContain('40/100');
    expect(html).toContain('2 critical · 1 medium · analysis level strict');
    expect(html).toContain('data-finding="0" data-suppressed="false">3:5</a>');
    expect(html).toContain('Suppressed (1)');
    expect(html).toContain('suppressed by comment');
  });

  it('says so when there are no findings', () => {
    const html = reportHtml(
      { uri: 'file:///ws/a.ml', score: 100, analysisLevel: 'moderate', findings: [], suppressed: [] },
      'a.ml',
      'N',
      'x',
    );
    expect(html).toContain('No security findings.');
    expect(html).toContain('no findings');
  });
});
