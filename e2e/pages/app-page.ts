import { expect, type Locator, type Page } from '@playwright/test';
import type { AutomationVerdict } from '../../src/ui/automation.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The editor as a user sees it: scenario text, issues and the reachability matrix. */
export class AppPage {
  readonly title: Locator;
  readonly summary: Locator;
  readonly matrix: Locator;
  readonly issues: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('scenario-title');
    this.summary = page.getByTestId('scenario-summary');
    this.matrix = page.getByTestId('matrix');
    this.issues = page.getByTestId('issues');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.matrix).toBeVisible();
  }

  /** The table of one port class, by its caption (`TCP 5432`, `TCP (any other port)`). */
  portClassTable(label: string): Locator {
    return this.matrix.locator(`table[data-port-class="${label}"]`);
  }

  async portClassLabels(): Promise<string[]> {
    return this.matrix.getByTestId('matrix-table').evaluateAll((tables) =>
      tables.map((t) => t.getAttribute('data-port-class') ?? ''),
    );
  }

  /** The cell saying whether `from` may open a connection to `to` in one port class. */
  cell(portClass: string, from: string, to: string): Locator {
    return this.portClassTable(portClass).locator(`td[data-from="${from}"][data-to="${to}"]`);
  }

  /** Calls `window.netpolCanvas.verdict` in the page. */
  async verdict(from: string, to: string, port: number, protocol: Protocol = 'TCP'): Promise<AutomationVerdict> {
    return this.page.evaluate(
      ([f, t, p, proto]) => {
        const api = window.netpolCanvas;
        if (!api) throw new Error('window.netpolCanvas is not installed');
        return api.verdict(f, t, p, proto);
      },
      [from, to, port, protocol] as const,
    );
  }

  async yaml(): Promise<string> {
    return this.page.evaluate(() => window.netpolCanvas?.getYaml() ?? '');
  }
}
