import { expect, type Locator, type Page } from '@playwright/test';
import type { ClusterModel } from '../../src/core/index.ts';
import { EDITOR_URL } from './editor-url.ts';

/** The YAML pane: file tabs, the CodeMirror editor and the Problems list under it. */
export class YamlPage {
  readonly editor: Locator;
  readonly content: Locator;
  readonly problems: Locator;
  readonly tabs: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('yaml.editor');
    this.content = this.editor.locator('.cm-content');
    this.problems = page.getByTestId('problems');
    this.tabs = page.getByTestId('yaml.tab');
  }

  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await expect(this.content).toBeVisible();
  }

  tab(file: string): Locator {
    return this.page.locator(`[data-testid="yaml.tab"][data-file="${file}"]`);
  }

  /** Problem rows (the folded ignored-kind summary's rows included). */
  problemRows(severity?: 'error' | 'warning' | 'info'): Locator {
    const rows = this.problems.getByTestId('problem');
    return severity ? rows.and(this.page.locator(`[data-severity="${severity}"]`)) : rows;
  }

  problemAt(file: string, line: number): Locator {
    return this.problems.locator(`[data-testid="problem"][data-file="${file}"][data-line="${line}"]`);
  }

  /** Underlined ranges in the editor, by severity. */
  underlines(severity: 'error' | 'warning' | 'info'): Locator {
    return this.content.locator(`.cm-lintRange-${severity}`);
  }

  /** The 1-based numbers of the lines holding an underline of this severity (short files only). */
  async underlinedLines(severity: 'error' | 'warning' | 'info'): Promise<number[]> {
    return this.content.locator('.cm-line').evaluateAll(
      (lines, cls) => lines.flatMap((line, i) => (line.querySelector(`.${cls}`) ? [i + 1] : [])),
      `cm-lintRange-${severity}`,
    );
  }

  /** Gutter markers of this severity (one per line with a problem). */
  gutterMarkers(severity: 'error' | 'warning' | 'info'): Locator {
    return this.editor.locator(`.cm-gutter-lint .cm-lint-marker-${severity}`);
  }

  /** The editor's text as shown, line by line (every line of a short file is rendered). */
  async text(): Promise<string> {
    const lines = await this.content.locator('.cm-line').allTextContents();
    return lines.join('\n');
  }

  /** The 1-based line and column of the cursor. */
  async cursor(): Promise<{ line: number; column: number }> {
    const [line, column] = await Promise.all([
      this.editor.getAttribute('data-cursor-line'),
      this.editor.getAttribute('data-cursor-column'),
    ]);
    return { line: Number(line), column: Number(column) };
  }

  /** Click at the start of a 1-based line (the file must be short enough to be fully rendered). */
  async clickLineStart(line: number): Promise<void> {
    await this.content.locator('.cm-line').nth(line - 1).click({ position: { x: 1, y: 4 } });
    await expect(this.editor).toHaveAttribute('data-cursor-line', String(line));
  }

  /** Type at the start of a line, as a user would. */
  async typeAtLineStart(line: number, text: string): Promise<void> {
    await this.clickLineStart(line);
    await this.page.keyboard.press('Home');
    await this.page.keyboard.type(text);
  }

  async yaml(): Promise<string> {
    return this.page.evaluate(() => window.netpolCanvas?.getYaml() ?? '');
  }

  async model(): Promise<ClusterModel> {
    return this.page.evaluate(() => {
      const api = window.netpolCanvas;
      if (!api) throw new Error('window.netpolCanvas is not installed');
      return api.getModel();
    });
  }
}
