import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { EDITOR_URL } from './editor-url.ts';
import { GalleryPage } from './gallery-page.ts';

/** The top bar's history and file commands, and the dialogs they open (confirm, export). */
export class ShellPage {
  readonly title: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly newButton: Locator;
  readonly exportButton: Locator;
  readonly confirm: Locator;
  readonly exportDialog: Locator;
  readonly snippet: Locator;
  readonly pane: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('scenario.title');
    this.undoButton = page.getByTestId('history.undo');
    this.redoButton = page.getByTestId('history.redo');
    this.newButton = page.getByTestId('file.new');
    this.exportButton = page.getByTestId('file.export');
    this.confirm = page.getByTestId('confirm.dialog');
    this.exportDialog = page.getByTestId('export.dialog');
    this.snippet = page.getByTestId('export.snippet');
    this.pane = page.getByTestId('canvas').locator('.react-flow__pane');
  }

  /** Opens the editor and waits for the first analysis (demo or restored work). */
  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
  }

  async yaml(): Promise<string> {
    return this.page.evaluate(() => window.netpolCanvas?.getYaml() ?? '');
  }

  /** Clicks an empty spot of the canvas, so the focus is outside the YAML editor. */
  async focusCanvas(): Promise<void> {
    const box = await this.pane.boundingBox();
    if (!box) throw new Error('the canvas pane is not on screen');
    await this.page.mouse.click(box.x + 8, box.y + box.height - 8);
  }

  async pressUndo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async pressRedo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }


  /** Replaces the workspace with a bundled scenario from the gallery; `confirm` when it will ask first (the user's own work). */
  async chooseExample(id: string, { confirm }: { confirm: boolean }): Promise<void> {
    const gallery = new GalleryPage(this.page);
    await gallery.openFromMenu();
    await gallery.openScenario(id);
    if (confirm) {
      await expect(this.confirm).toBeVisible();
      await this.confirm.getByTestId('confirm.ok').click();
    }
    await expect(this.confirm).toBeHidden();
    await expect(gallery.dialog).toBeHidden();
  }

  async openExport(): Promise<void> {
    await this.exportButton.click();
    await expect(this.exportDialog).toBeVisible();
  }

  async exportScope(value: string): Promise<void> {
    await this.exportDialog.getByTestId('export.scope').selectOption(value);
  }

  /** Clicks Download and returns the downloaded file's name and text. */
  async download(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportDialog.getByTestId('export.download').click(),
    ]);
    return { name: download.suggestedFilename(), text: await readDownload(download) };
  }
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
