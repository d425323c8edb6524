import { expect, type Locator, type Page } from '@playwright/test';
import { EDITOR_URL } from './editor-url.ts';

export type Category = 'lesson' | 'seed' | 'recipe' | 'mistake';

/** The scenario gallery: the opening screen of a first visit and the top bar's Gallery button. */
export class GalleryPage {
  readonly dialog: Locator;
  readonly search: Locator;
  readonly count: Locator;
  readonly menuButton: Locator;
  readonly title: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('gallery');
    this.search = page.getByTestId('gallery.search');
    this.count = page.getByTestId('gallery.count');
    this.menuButton = page.getByTestId('file.gallery');
    this.title = page.getByTestId('scenario.title');
    this.confirm = page.getByTestId('confirm.dialog');
  }

  /** A first visit: the plain address, nothing saved; the gallery opens over the demo. */
  async openFirstVisit(): Promise<void> {
    await this.page.goto('/');
    await expect(this.dialog).toBeVisible();
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
  }

  /** The editor without the opening screen. */
  async openEditor(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
    await expect(this.dialog).toBeHidden();
  }

  async openFromMenu(): Promise<void> {
    await this.menuButton.click();
    await expect(this.dialog).toBeVisible();
  }

  section(category: Category): Locator {
    return this.dialog.getByTestId(`gallery.section.${category}`);
  }

  cards(category?: Category): Locator {
    return (category ? this.section(category) : this.dialog).locator('[data-testid^="gallery.card."]');
  }

  card(id: string): Locator {
    return this.dialog.getByTestId(`gallery.card.${id}`);
  }

  /** Ids of the cards shown, in order. */
  async cardIds(category?: Category): Promise<string[]> {
    return this.cards(category).evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('gallery.card.'.length)));
  }

  async filter(text: string): Promise<void> {
    await this.search.fill(text);
  }

  async openScenario(id: string): Promise<void> {
    await this.dialog.getByTestId(`gallery.open.${id}`).click();
  }

  async startGuided(id: string): Promise<void> {
    await this.dialog.getByTestId(`gallery.guide.${id}`).click();
  }

  async yaml(): Promise<string> {
    return this.page.evaluate(() => window.netpolCanvas?.getYaml() ?? '');
  }
}
