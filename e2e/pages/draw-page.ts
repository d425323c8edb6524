import { expect, type Locator, type Page } from '@playwright/test';
import type { AutomationVerdict } from '../../src/ui/automation.ts';
import { EDITOR_URL } from './editor-url.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface WorkloadInput {
  readonly namespace?: string;
  readonly name: string;
  readonly kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Pod';
  readonly labels?: string;
  readonly ports?: string;
}

/**
 * Drawing on the canvas as a user does it: the toolbar's forms, real mouse drags from a node's
 * handle to another node, the port popover (`flow.ports`, `flow.confirm`), Delete on the
 * selection; and `window.netpolCanvas` to read the YAML and ask for verdicts.
 */
export class DrawPage {
  readonly canvas: Locator;
  readonly ports: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.ports = page.getByTestId('flow.ports');
  }

  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await expect(this.page.getByTestId('scenario.title')).not.toBeEmpty();
    await this.page.waitForFunction(() => window.netpolCanvas !== undefined);
  }

  /** Starts an empty workspace (the top bar's New, confirming when there is work). */
  async startEmpty(): Promise<void> {
    await this.page.getByTestId('file.new').click();
    const ok = this.page.getByTestId('confirm.ok');
    if (await ok.isVisible()) await ok.click();
    await expect(this.page.getByTestId('canvas.empty')).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  async addWorkload(w: WorkloadInput): Promise<void> {
    await this.page.getByTestId('draw.add-workload').click();
    await this.page.getByTestId('draw.wl.namespace').fill(w.namespace ?? 'default');
    await this.page.getByTestId('draw.wl.name').fill(w.name);
    await this.page.getByTestId('draw.wl.kind').selectOption(w.kind ?? 'Deployment');
    if (w.labels !== undefined) await this.page.getByTestId('draw.wl.labels').fill(w.labels);
    if (w.ports !== undefined) await this.page.getByTestId('draw.wl.ports').fill(w.ports);
    await this.page.getByTestId('draw.submit').click();
    await expect(this.node(`${w.namespace ?? 'default'}/${w.name}`)).toBeVisible();
  }

  async addExternal(cidr: string): Promise<void> {
    await this.page.getByTestId('draw.add-external').click();
    await this.page.getByTestId('draw.ext.cidr').fill(cidr);
    await this.page.getByTestId('draw.submit').click();
  }

  /** Fits the drawing into the view (new nodes may be placed outside it). */
  async fitView(): Promise<void> {
    await this.canvas.locator('.react-flow__controls-fitview').click();
  }

  /**
   * Drags from the source handle of `from` to the middle of `to` with the mouse, in steps as a
   * hand would, and waits for the port popover.
   */
  async dragFlow(from: string, to: string): Promise<void> {
    // Both boxes are measured before pressing: during a drag near the pane's edge React Flow
    // pans the view (auto-pan), so the first step goes towards the target, away from the edge.
    // The layout may still move nodes (it runs asynchronously): when the press missed the
    // handle, no connection line appears; let go and press again where the handle is now.
    for (let attempt = 0; ; attempt++) {
      const start = await this.stableBox(this.node(from).locator('.flow-handle-source'));
      const end = await this.stableBox(this.node(to));
      if (!start || !end) throw new Error(`${from} or ${to} is not on screen`);
      const [x0, y0] = [start.x + start.width / 2, start.y + start.height / 2];
      const [x1, y1] = [end.x + end.width / 2, end.y + end.height / 2];
      const length = Math.hypot(x1 - x0, y1 - y0) || 1;
      await this.page.mouse.move(x0, y0);
      await this.page.mouse.down();
      await this.page.mouse.move(x0 + ((x1 - x0) * 20) / length, y0 + ((y1 - y0) * 20) / length, { steps: 4 });
      const started = (await this.canvas.locator('.react-flow__connectionline').count()) > 0;
      if (started || attempt >= 3) {
        await this.page.mouse.move(x1, y1, { steps: 12 });
        await this.page.mouse.up();
        break;
      }
      await this.page.mouse.up();
      await this.fitView();
    }
    await expect(this.ports).toBeVisible();
  }

  /** The element's box once it stops moving (the view may still be animating). */
  async stableBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number } | null> {
    let previous = '';
    let same = 0;
    for (;;) {
      await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const box = await locator.boundingBox();
      const key = JSON.stringify(box);
      same = key === previous ? same + 1 : 0;
      if (same >= 4) return box;
      previous = key;
    }
  }

  /** Draws a flow and confirms the ports (`declared` by default). */
  async drawFlow(from: string, to: string, ports: 'declared' | 'all' | { protocol?: Protocol; port?: string; endPort?: string; named?: string } = 'declared'): Promise<void> {
    await this.fitView();
    await this.dragFlow(from, to);
    if (ports === 'all') await this.ports.getByTestId('flow.ports.all').check();
    else if (ports !== 'declared') {
      await this.ports.getByTestId('flow.ports.custom').check();
      if (ports.protocol) await this.ports.getByTestId('flow.ports.protocol').selectOption(ports.protocol);
      if (ports.named) await this.ports.getByTestId('flow.ports.named').selectOption(ports.named);
      if (ports.port) await this.ports.getByTestId('flow.ports.port').fill(ports.port);
      if (ports.endPort) await this.ports.getByTestId('flow.ports.endport').fill(ports.endPort);
    }
    await this.page.getByTestId('flow.confirm').click();
    await expect(this.ports).toBeHidden();
    await expect(this.edge(`${from}->${to}`)).toBeAttached();
  }

  /** Selects a flow by its label and presses Delete. */
  async deleteFlow(from: string, to: string): Promise<void> {
    await this.page.getByTestId(`flow-label.${from}->${to}`).click();
    await expect(this.edge(`${from}->${to}`)).toHaveAttribute('data-selected', 'true');
    await this.page.keyboard.press('Delete');
  }

  async yaml(): Promise<string> {
    return this.page.evaluate(() => window.netpolCanvas?.getYaml() ?? '');
  }

  async verdict(from: string, to: string, port: number, protocol: Protocol = 'TCP'): Promise<AutomationVerdict> {
    return this.page.evaluate(([f, t, p, proto]) => window.netpolCanvas!.verdict(f, t, p, proto), [from, to, port, protocol] as const);
  }

  async allowed(from: string, to: string, port: number, protocol: Protocol = 'TCP'): Promise<boolean> {
    return (await this.verdict(from, to, port, protocol)).allowed;
  }

  /** Screenshots for a human to look at, when SHOTS names a folder. */
  async shot(name: string): Promise<void> {
    const dir = process.env['SHOTS'];
    if (dir) await this.page.screenshot({ path: `${dir}/draw-${name}.png` });
  }
}
