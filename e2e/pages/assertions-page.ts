import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The side panel's Tests tab: expected flows (`.flows` files) and their results. */
export class AssertionsPage {
  readonly tab: Locator;
  readonly badge: Locator;
  readonly panel: Locator;
  readonly summary: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('tab.tests');
    this.badge = page.getByTestId('tab.tests.badge');
    this.panel = page.getByTestId('assertions');
    this.summary = page.getByTestId('assertions.summary');
    this.items = page.getByTestId('assertion');
  }

  async openTab(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.panel).toBeVisible();
  }

  /** The result of the assertion on `line` of `file`. */
  item(file: string, line: number): Locator {
    return this.panel.locator(`[data-testid="assertion"][data-file="${file}"][data-line="${line}"]`);
  }

  async show(file: string, line: number): Promise<void> {
    await this.item(file, line).locator('button').first().click();
  }

  async downloadProbeScript(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('assertions.probe-download').click()]);
    return download;
  }
}
