import { expect, type Page } from '@playwright/test';
import type { AutomationVerdict } from '../../src/ui/automation.ts';
import { EDITOR_URL } from './editor-url.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** The editor as automation sees it: the page loaded, and `window.netpolCanvas`. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await expect(this.page.getByTestId('scenario.title')).not.toBeEmpty();
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
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
