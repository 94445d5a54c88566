// End-to-end test of the packaged extension in a real VS Code workbench (code-server + headless
// Chromium): squiggles and hovers from the language server, Run in Sandbox output, a breakpoint stop.
// Screenshots go to test-artifacts/vscode-e2e/. Under CI=true missing prerequisites are a failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSource } from '@mlsec/grammar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  missingPrerequisites,
  packageExtension,
  repoRoot,
  startWorkbench,
  type Workbench,
} from './code-server.js';
import { WorkbenchPage } from './page.js';

const missing = missingPrerequisites();
const ci = process.env['CI'] === 'true';
const skip = missing.length > 0 && !ci;
const title = skip
  ? `VS Code workbench — skipped outside CI, missing: ${missing.join('; ')}`
  : 'VS Code workbench (code-server)';
const artifacts = path.join(repoRoot, 'test-artifacts', 'vscode-e2e');

const settings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
};

describe.skipIf(skip)(title, () => {
  let workbench: Workbench | null = null;
  let ui: WorkbenchPage | null = null;
  const page = (): WorkbenchPage => {
    if (!ui) throw new Error('the workbench did not start');
    return ui;
  };

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`workbench e2e prerequisites missing: ${missing.join('; ')}`);
    const vsix = path.join(repoRoot, '.cache', 'e2e', 'mlsec-e2e.vsix');
    packageExtension(vsix);
    workbench = await startWorkbench(vsix, settings, path.join(artifacts, 'code-server.log'));
    ui = await WorkbenchPage.open(chromiumPath, workbench.url, artifacts);
  }, 150_000);

  afterEach(async (context) => {
    // A failing step leaves a picture of the workbench next to the other artifacts.
    if (ui && context.task.result?.state === 'fail') {
      await ui.screenshot(`failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    }
  });

  afterAll(async () => {
    await ui?.close();
    await workbench?.stop();
  });

  it('puts a SEC001 squiggle on an eval(...) line, with the rule and message in its hover', async () => {
    const editor = await page().openFile('unsafe_eval.ml');
    const squiggle = editor.locator('.squiggly-error').first();
    await squiggle.waitFor({ timeout: 30_000 });
    // The squiggle sits on the eval line (squiggles render in an overlay layer, not in the line).
    const evalLine = await page().box(page().line(editor, 'result = eval(code);'));
    const mark = await page().box(squiggle);
    expect(Math.abs(mark.y + mark.height / 2 - (evalLine.y + evalLine.height / 2))).toBeLessThan(evalLine.height);
    const hover = await page().hoverToken(editor, 'result = eval(code);', 'eval', 'SEC001');
    // The expected message comes from the analyzer itself, so the test checks the wiring, not wording.
    const source = readFileSync(path.join(repoRoot, 'test/vscode-e2e/fixtures/unsafe_eval.ml'), 'utf8');
    const finding = analyzeSource(source).findings.find((f) => f.code === 'SEC001');
    expect(finding).toBeDefined();
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('SEC001');
    expect(text).toContain(finding!.message.replace(/\s+/g, ' '));
    await page().screenshot('01-squiggle-hover');
  }, 60_000);

  it('shows the concrete capability a file.read("...") call needs in its hover', async () => {
    const editor = await page().openFile('read_poem.ml');
    const hover = await page().hoverToken(editor, 'file.read(', 'read', 'file:read:');
    const expected = `file:read:${path.join(workbench!.workspace, 'data', 'poem.txt')}`;
    expect(await hover.innerText()).toContain(expected);
    await page().screenshot('02-capability-hover');
  }, 45_000);

  it('lists the required capabilities of a file in the ML Capabilities view', async () => {
    await page().openFile('read_poem.ml');
    await page().runCommand('ML: Show Required Capabilities');
    const view = page().page.locator('.pane', {
      has: page().page.locator('.pane-header', { hasText: 'ML Capabilities' }),
    });
    const expected = `file:read:${path.join(workbench!.workspace, 'data', 'poem.txt')}`;
    await view.locator('.monaco-list-row', { hasText: expected }).waitFor({ timeout: 15_000 });
    await view.locator('.monaco-list-row', { hasText: 'file.read()' }).waitFor();
  }, 45_000);

  it('shows the score and findings in the Security Report', async () => {
    await page().openFile('unsafe_eval.ml');
    await page().runCommand('ML: Security Report');
    // Webview content lives in nested iframes; find the frame that renders the report.
    const p = page().page;
    const deadline = Date.now() + 20_000;
    let text = '';
    while (Date.now() < deadline && !text.includes('SEC001')) {
      for (const frame of p.frames()) {
        const body = await frame
          .locator('body')
          .innerText({ timeout: 1000 })
          .catch(() => '');
        if (body.includes('Security Report: unsafe_eval.ml')) text = body;
      }
      if (!text.includes('SEC001')) await p.waitForEvent('framenavigated', { timeout: 500 }).catch(() => undefined);
    }
    expect(text).toContain('SEC001');
    expect(text).toMatch(/\d+\/100/);
    await page().screenshot('05-security-report');
  }, 45_000);

  it('runs an example in the sandbox and shows its output in the output panel', async () => {
    await page().openFile('hello.ml');
    await page().runCommand('ML: Run in Sandbox');
    const output = page().page.locator('.part.panel .view-lines', { hasText: 'Hello from the sandbox!' });
    await output.waitFor({ timeout: 30_000 });
    await page().page.locator('.part.panel .view-lines', { hasText: 'Finished' }).waitFor({ timeout: 15_000 });
    await page().screenshot('03-run-in-sandbox');
  }, 60_000);

  it('offers Grant and Re-run for a refused capability and writes the grant to a launch configuration', async () => {
    const p = page().page;
    await page().openFile('read_poem.ml');
    await page().runCommand('ML: Run in Sandbox');
    const toast = p.locator('.notification-toast', { hasText: 'was refused file:read:' });
    await toast.waitFor({ timeout: 30_000 });
    await toast.locator('.monaco-button', { hasText: 'Grant and Re-run' }).click();
    await p
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Launch configuration for this file' })
      .first()
      .click();
    await p.locator('.part.panel .view-lines', { hasText: 'Finished' }).waitFor({ timeout: 30_000 });
    const launch = readFileSync(path.join(workbench!.workspace, '.vscode', 'launch.json'), 'utf8');
    expect(launch).toContain('"program": "${workspaceFolder}/read_poem.ml"');
    expect(launch).toContain('"file:read:data/poem.txt"');
  }, 60_000);

  it('stops at a breakpoint with Locals and Capabilities in the Variables view', async () => {
    const editor = await page().openFile('breakpoint.ml');
    const source = readFileSync(path.join(repoRoot, 'test/vscode-e2e/fixtures/breakpoint.ml'), 'utf8');
    await page().toggleBreakpoint(editor, source.split('\n').findIndex((l) => l.includes('acc = acc + x;')) + 1);
    await page().runCommand('ML: Debug in Sandbox');
    const p = page().page;
    await p.locator('.debug-toolbar').waitFor({ timeout: 30_000 });
    await editor.locator('.debug-top-stack-frame-line').first().waitFor({ timeout: 30_000 });
    const variables = p.locator('.debug-variables');
    await variables.locator('.monaco-list-row', { hasText: 'Locals' }).first().waitFor({ timeout: 15_000 });
    await variables.locator('.monaco-list-row', { hasText: 'Capabilities' }).first().waitFor({ timeout: 15_000 });
    // First iteration of the loop: acc is still 0 and x is the first item.
    await variables
      .locator('.monaco-list-row', { hasText: /acc\s*=\s*0/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await variables
      .locator('.monaco-list-row', { hasText: /x\s*=\s*1/ })
      .first()
      .waitFor({ timeout: 15_000 });
    await page().screenshot('04-breakpoint');
    await p.keyboard.press('Shift+F5');
  }, 60_000);
});
