import { expect, type Locator, type Page } from '@playwright/test';

export interface UploadFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** The Import dialog (opened from the top bar) and drops on the window. */
export class ImportPage {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly text: Locator;
  readonly file: Locator;
  readonly folder: Locator;
  readonly apply: Locator;
  readonly cancel: Locator;
  readonly close: Locator;
  readonly modeReplace: Locator;
  readonly modeAdd: Locator;
  readonly picked: Locator;
  readonly skipped: Locator;
  readonly dropOverlay: Locator;
  readonly notice: Locator;
  readonly held: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('import.open');
    this.dialog = page.getByTestId('import.dialog');
    this.text = page.getByTestId('import.text');
    this.file = page.getByTestId('import.file');
    this.folder = page.getByTestId('import.folder');
    this.apply = page.getByTestId('import.apply');
    this.cancel = page.getByTestId('import.cancel');
    this.close = page.getByTestId('import.close');
    this.modeReplace = page.getByTestId('import.mode.replace');
    this.modeAdd = page.getByTestId('import.mode.add');
    this.picked = page.getByTestId('import.picked');
    this.skipped = page.getByTestId('import.skipped');
    this.dropOverlay = page.getByTestId('import.drop');
    this.notice = page.getByTestId('import.notice');
    this.held = page.getByTestId('import.held');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  async paste(text: string): Promise<void> {
    await this.text.fill(text);
  }

  /**
   * Paste through the clipboard, as Ctrl+V would (the dialog holds a large paste aside instead
   * of filling the text box with it).
   */
  async clipboardPaste(text: string): Promise<void> {
    await this.text.evaluate((box, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Choose files (paths or in-memory files) and wait until they are listed. */
  async choose(files: readonly string[] | readonly UploadFile[], expectListed: readonly string[]): Promise<void> {
    await this.file.setInputFiles(files as string[] | UploadFile[]);
    for (const name of expectListed) await expect(this.picked.locator(`li[data-file="${name}"]`)).toBeVisible();
  }

  async load(): Promise<void> {
    await this.apply.click();
    await expect(this.dialog).toBeHidden();
  }

  /**
   * Open, pick one file with `text` and load it. A large generated cluster goes this way: filling
   * the text box with tens of kilobytes is very slow in headless Chromium, a file takes the same
   * path once read.
   */
  async loadFile(name: string, text: string): Promise<void> {
    await this.open();
    await this.choose([{ name, mimeType: 'application/yaml', buffer: Buffer.from(text) }], [name]);
    await this.load();
  }

  /** Open, paste, load (replacing the scenario). */
  async pasteAndLoad(text: string): Promise<void> {
    await this.open();
    await this.paste(text);
    await this.load();
  }

  /** Drag files over the window and drop them, as the browser would (Shift held: add). */
  async drop(files: readonly { name: string; text: string }[], options: { shift?: boolean } = {}): Promise<void> {
    await this.page.evaluate(
      ({ files, shift }) => {
        const data = new DataTransfer();
        for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
        const fire = (type: string) =>
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, shiftKey: shift }));
        fire('dragenter');
        fire('dragover');
      },
      { files, shift: options.shift ?? false },
    );
    await expect(this.dropOverlay).toBeVisible();
    await expect(this.dropOverlay).toHaveAttribute('data-mode', options.shift ? 'add' : 'replace');
    await this.page.evaluate(
      ({ files, shift }) => {
        const data = new DataTransfer();
        for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, shiftKey: shift }));
      },
      { files, shift: options.shift ?? false },
    );
    await expect(this.dropOverlay).toBeHidden();
  }
}
