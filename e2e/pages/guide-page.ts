import { expect, type Locator, type Page } from '@playwright/test';
import { GalleryPage } from './gallery-page.ts';

/** Guided lessons: the guide bar, predictions and their score, and presentation mode. */
export class GuidePage {
  readonly bar: Locator;
  readonly progress: Locator;
  readonly stepTitle: Locator;
  readonly narrative: Locator;
  readonly back: Locator;
  readonly next: Locator;
  readonly exit: Locator;
  readonly predict: Locator;
  readonly score: Locator;
  readonly presentButton: Locator;
  readonly yamlColumn: Locator;
  readonly sidePanel: Locator;
  readonly canvas: Locator;
  readonly gallery: GalleryPage;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('guide');
    this.progress = page.getByTestId('guide.progress');
    this.stepTitle = page.getByTestId('guide.title');
    this.narrative = page.getByTestId('guide.narrative');
    this.back = page.getByTestId('guide.back');
    this.next = page.getByTestId('guide.next');
    this.exit = page.getByTestId('guide.exit');
    this.predict = page.getByTestId('guide.predict');
    this.score = page.getByTestId('guide.score');
    this.presentButton = page.getByTestId('view.present');
    this.yamlColumn = page.locator('.yaml-column');
    this.sidePanel = page.locator('aside.side-panel');
    this.canvas = page.getByTestId('canvas');
    this.gallery = new GalleryPage(page);
  }

  /** Opens the editor, then the lesson from the gallery. */
  async startLesson(id: string): Promise<void> {
    await this.gallery.openEditor();
    await this.gallery.openFromMenu();
    await this.gallery.startGuided(id);
    await expect(this.gallery.dialog).toBeHidden();
    await expect(this.bar).toBeVisible();
  }

  question(index: number): Locator {
    return this.page.getByTestId(`guide.predict.${index}`);
  }

  async guess(index: number, verdict: 'allowed' | 'denied'): Promise<void> {
    await this.page.getByTestId(`guide.predict.${index}.${verdict}`).check();
  }

  result(index: number): Locator {
    return this.page.getByTestId(`guide.result.${index}`);
  }

  why(index: number): Locator {
    return this.page.getByTestId(`guide.result.${index}.why`);
  }

  /** Edges of the canvas with an attribute (`data-predict`, `data-change`). */
  edgesWith(attribute: string, value?: string): Locator {
    return this.canvas.locator(value === undefined ? `[data-testid^="rf__edge-"][${attribute}]` : `[data-testid^="rf__edge-"][${attribute}="${value}"]`);
  }

  /** Presses a key with the focus on the page body (outside editors and fields). */
  async pressOutsideEditors(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  async allowed(from: string, to: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): Promise<boolean | undefined> {
    return this.page.evaluate(([f, t, p, proto]) => window.netpolCanvas?.verdict(f, t, p, proto).allowed, [from, to, port, protocol] as const);
  }
}
