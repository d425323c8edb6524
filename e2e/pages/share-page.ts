import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Share dialog, the notices about opened links, and the Export dialog's image part. */
export class SharePage {
  readonly shareButton: Locator;
  readonly dialog: Locator;
  readonly link: Locator;
  readonly length: Locator;
  readonly longWarning: Locator;
  readonly error: Locator;
  readonly opened: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.shareButton = page.getByTestId('file.share');
    this.dialog = page.getByTestId('share.dialog');
    this.link = page.getByTestId('share.link');
    this.length = page.getByTestId('share.length');
    this.longWarning = page.getByTestId('share.long');
    this.error = page.getByTestId('share.error');
    this.opened = page.getByTestId('share.opened');
    this.confirm = page.getByTestId('confirm.dialog');
  }

  /** Opens the Share dialog and returns the link it shows. */
  async createLink(): Promise<string> {
    await this.shareButton.click();
    await expect(this.dialog).toBeVisible();
    const link = await this.link.inputValue();
    expect(link).toContain('#share=v1.');
    return link;
  }

  async closeDialog(): Promise<void> {
    await this.dialog.getByTestId('share.close').click();
    await expect(this.dialog).toBeHidden();
  }
}

/** The Export dialog's image buttons. */
export class ImageExportPage {
  readonly exportButton: Locator;
  readonly dialog: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.exportButton = page.getByTestId('file.export');
    this.dialog = page.getByTestId('export.dialog');
    this.status = page.getByTestId('export.image.status');
  }

  async open(): Promise<void> {
    await this.exportButton.click();
    await expect(this.dialog).toBeVisible();
  }

  async choose(scope: 'graph' | 'screen'): Promise<void> {
    await this.dialog.getByTestId(`export.image.${scope}`).check();
  }

  /** Clicks Download PNG/SVG and returns the file's name and bytes. */
  async download(format: 'png' | 'svg'): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByTestId(`export.${format}`).click()]);
    return { name: download.suggestedFilename(), bytes: await readBytes(download) };
  }
}

async function readBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
