import { expect, type Locator, type Page } from '@playwright/test';

/** The canvas at scale: collapsed namespaces, the search panel and focus mode. */
export class ScalePage {
  readonly canvas: Locator;
  readonly search: Locator;
  readonly searchMode: Locator;
  readonly searchCount: Locator;
  readonly focusBar: Locator;
  readonly focusEnter: Locator;
  readonly focusExit: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.search = page.getByTestId('canvas.search');
    this.searchMode = page.getByTestId('canvas.search.mode');
    this.searchCount = page.getByTestId('canvas.search.count');
    this.focusBar = page.getByTestId('canvas.focus');
    this.focusEnter = page.getByTestId('canvas.focus.enter');
    this.focusExit = page.getByTestId('canvas.focus.exit');
  }

  /** Waits until the layout of the current drawing is done and on screen. */
  async laidOut(): Promise<void> {
    await expect(this.canvas).toHaveAttribute('data-layout', 'done');
  }

  summary(namespace: string): Locator {
    return this.page.getByTestId(`ns-summary.${namespace}`);
  }

  expand(namespace: string): Locator {
    return this.page.getByTestId(`ns.expand.${namespace}`);
  }

  collapse(namespace: string): Locator {
    return this.page.getByTestId(`ns.collapse.${namespace}`);
  }

  workloadNodes(): Locator {
    return this.canvas.locator('.react-flow__node-workload');
  }

  summaryNodes(): Locator {
    return this.canvas.locator('.react-flow__node-namespaceSummary');
  }

  /** Flows gathered from collapsed namespaces (edges whose ends include a namespace). */
  gatheredEdges(): Locator {
    return this.canvas.locator('[data-testid^="rf__edge-ns:"]');
  }
}
