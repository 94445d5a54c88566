// Drives the code-server workbench in headless Chromium the way a person would: quick open, the
// command palette, mouse hovers over editor text, the panel and the debug views. Waits are on DOM
// conditions with deadlines, never fixed sleeps. Knows nothing of the extension under test.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export class WorkbenchPage {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly artifacts: string,
  ) {}

  static async open(executablePath: string, url: string, artifacts: string): Promise<WorkbenchPage> {
    mkdirSync(artifacts, { recursive: true });
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the folder once the workbench has connected to the server.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new WorkbenchPage(browser, page, artifacts);
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name: string): Promise<Locator> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(name);
    // Enter picks the first row: wait until the filtered list starts with the file.
    await this.page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: name }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page
      .locator('.tab.active .label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) })
      .waitFor();
    // Hidden editors of other tabs stay in the DOM: take the visible one.
    const editor = this.page.locator('.editor-instance .monaco-editor').filter({ visible: true }).first();
    await editor.locator('.view-line').first().waitFor();
    return editor;
  }

  /** The bounding box of a locator, looked up again while re-rendering detaches it. */
  async box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
    for (let attempt = 0; attempt < 10; attempt++) {
      await locator.waitFor();
      const box = await locator.boundingBox();
      if (box) return box;
    }
    throw new Error('the element kept disappearing');
  }

  /** Runs a command by its palette label (F1, type, Enter). */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The rendered editor line (`.view-line`) containing `text`. */
  line(editor: Locator, text: string): Locator {
    return editor.locator('.view-line', { hasText: text }).first();
  }

  /** Moves the mouse over the token `token` on the line containing `lineText`; returns the hover. */
  async hoverToken(editor: Locator, lineText: string, token: string, hoverText: string): Promise<Locator> {
    const exact = new RegExp(`^${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const span = this.line(editor, lineText).locator('span span').filter({ hasText: exact }).first();
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: hoverText }).first();
    // Lines re-render when semantic tokens or diagnostics arrive, which detaches spans and dismisses
    // hovers: look the token up again on every attempt.
    for (let attempt = 0; attempt < 6; attempt++) {
      await span.waitFor();
      const box = await span.boundingBox();
      if (!box) continue;
      await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      try {
        await hover.waitFor({ timeout: 4000 });
        return hover;
      } catch {
        await this.page.mouse.move(0, 0);
      }
    }
    throw new Error(`no hover containing "${hoverText}" over "${token}" on the line "${lineText}"`);
  }

  /** Puts a breakpoint on a 1-based line: Go to Line (Ctrl+G), then F9. */
  async toggleBreakpoint(editor: Locator, line: number): Promise<void> {
    await editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.keyboard.press('F9');
    await editor.locator('.codicon-debug-breakpoint').first().waitFor();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
