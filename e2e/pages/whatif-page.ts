import { expect, type Locator, type Page } from '@playwright/test';

/** What-if: the inspector's label editor and the Compare tab (baseline, flows added and removed). */
export class WhatIfPage {
  readonly compare: Locator;
  readonly summary: Locator;
  readonly added: Locator;
  readonly removed: Locator;

  constructor(readonly page: Page) {
    this.compare = page.getByTestId('compare');
    this.summary = page.getByTestId('compare.summary');
    this.added = page.getByTestId('compare.added').locator('li');
    this.removed = page.getByTestId('compare.removed').locator('li');
  }

  // --- labels in the inspector -------------------------------------------------------------

  async startEditingLabels(): Promise<void> {
    await this.page.getByTestId('labels.edit').click();
    await expect(this.page.getByTestId('labels.editor')).toBeVisible();
  }

  /** Changes a label's value and confirms with Enter. */
  async setLabel(key: string, value: string): Promise<void> {
    const input = this.page.getByTestId(`labels.value.${key}`);
    await input.fill(value);
    await input.press('Enter');
  }

  async addLabel(key: string, value: string): Promise<void> {
    await this.page.getByTestId('labels.add.key').fill(key);
    await this.page.getByTestId('labels.add.value').fill(value);
    await this.page.getByTestId('labels.add.submit').click();
  }

  async removeLabel(key: string): Promise<void> {
    await this.page.getByTestId(`labels.remove.${key}`).click();
  }

  // --- compare -----------------------------------------------------------------------------

  async openCompare(): Promise<void> {
    await this.page.getByTestId('tab.compare').click();
    await expect(this.compare).toBeVisible();
  }

  async saveBaseline(): Promise<void> {
    await this.page.getByTestId('compare.save').click();
    await expect(this.page.getByTestId('compare.baseline')).toBeVisible();
  }

  async startComparing(): Promise<void> {
    await this.page.getByTestId('compare.toggle').click();
    await expect(this.page.getByTestId('compare.toggle')).toHaveAttribute('aria-pressed', 'true');
  }

  addedFlow(from: string, to: string): Locator {
    return this.page.locator(`[data-testid="compare.added"] li[data-from="${from}"][data-to="${to}"]`);
  }

  removedFlow(from: string, to: string): Locator {
    return this.page.locator(`[data-testid="compare.removed"] li[data-from="${from}"][data-to="${to}"]`);
  }
}
