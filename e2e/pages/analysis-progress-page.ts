import type { Locator, Page } from '@playwright/test';

/** The progress of an analysis running in the worker (bottom of the window), and the cancelled note. */
export class AnalysisProgressPage {
  readonly root: Locator;
  readonly text: Locator;
  readonly bar: Locator;
  readonly cancel: Locator;
  readonly cancelled: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('analysis.progress');
    this.text = page.getByTestId('analysis.progress.text');
    this.bar = page.getByTestId('analysis.progress.bar');
    this.cancel = page.getByTestId('analysis.cancel');
    this.cancelled = page.getByTestId('analysis.cancelled');
    this.retry = page.getByTestId('analysis.retry');
  }

  /** Whether the progress is on screen right now (no waiting). */
  running(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector('[data-testid="analysis.progress"]') !== null);
  }
}
