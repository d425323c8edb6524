import { expect, type Locator, type Page } from '@playwright/test';
import { EDITOR_URL } from './editor-url.ts';

/**
 * The canvas as a user sees it: React Flow renders each node as `rf__node-<id>` and each flow as
 * `rf__edge-<id>` (a `<g>` carrying `data-verdict` / `data-half-open` / `data-selected`); labels
 * are `flow-label.<edge id>`.
 */
export class CanvasPage {
  readonly canvas: Locator;
  readonly deniedToggle: Locator;
  readonly stale: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.deniedToggle = page.getByTestId('toggle.denied');
    this.stale = page.getByTestId('canvas.stale');
  }

  /** Opens the editor on the demo and waits until the layout has placed the nodes. */
  async open(): Promise<void> {
    await this.page.goto(EDITOR_URL);
    await expect(this.node('default/frontend')).toBeVisible();
    await expect(this.node('ns:default')).toBeVisible();
  }

  node(id: string): Locator {
    return this.page.getByTestId(`rf__node-${id}`);
  }

  edge(id: string): Locator {
    return this.page.getByTestId(`rf__edge-${id}`);
  }

  edgeLabel(id: string): Locator {
    return this.page.getByTestId(`flow-label.${id}`);
  }

  /** Ids of the drawn flows, as React Flow names them (`<source>-><target>`). */
  async edgeIds(): Promise<string[]> {
    const ids = await this.canvas
      .locator('[data-testid^="rf__edge-"]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-testid')!.slice('rf__edge-'.length)));
    return ids.sort();
  }

  /** The node's position in flow coordinates, from React Flow's transform. */
  async nodePosition(id: string): Promise<{ x: number; y: number }> {
    const transform = await this.node(id).evaluate((el) => (el as HTMLElement).style.transform);
    const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
    if (!match) throw new Error(`no translate in ${transform}`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  /** Drags a node by its title with the mouse, in small steps as a hand would. */
  async dragNode(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} is not visible`);
    const x = box.x + box.width / 2;
    const y = box.y + 10;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 6 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 6 });
    await this.page.mouse.up();
  }

  /** Presses Tab from the empty pane until a workload node has the focus; returns its id. */
  async tabToWorkload(maxPresses = 60): Promise<string> {
    const pane = this.canvas.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no pane');
    await this.page.mouse.click(box.x + 8, box.y + box.height - 8);
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => {
        const el = document.activeElement;
        return el?.classList.contains('react-flow__node-workload') ? el.getAttribute('data-id') : null;
      });
      if (focused) return focused;
    }
    throw new Error(`no workload node reached in ${maxPresses} presses of Tab`);
  }

  /** Whether every drawn node lies inside the visible canvas. */
  async everyNodeInView(): Promise<boolean> {
    const view = await this.canvas.boundingBox();
    if (!view) return false;
    const boxes = await this.canvas.locator('.react-flow__node').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
      }),
    );
    return boxes.every((b) => b.x >= view.x - 1 && b.y >= view.y - 1 && b.right <= view.x + view.width + 1 && b.bottom <= view.y + view.height + 1);
  }

  /** Drags the canvas pane from near its right edge, a little down and to the left (a pan). */
  async pan(): Promise<void> {
    const box = await this.page.locator('.react-flow__pane').boundingBox();
    if (!box) throw new Error('no canvas pane');
    const x = box.x + box.width - 30;
    const y = box.y + box.height * 0.3;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x - 60, y + 30, { steps: 4 });
    await this.page.mouse.move(x - 120, y + 60, { steps: 4 });
    await this.page.mouse.up();
  }
}
