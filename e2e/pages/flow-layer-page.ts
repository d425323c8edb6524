import { expect, type Locator, type Page } from '@playwright/test';

export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** React Flow's viewport: the drawing is shown at `zoom`, moved by (x, y) pixels in the canvas. */
export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * The painted flow layer of a large drawing (src/ui/canvas/layer/): one <canvas>
 * (`canvas.flow-layer`, with `data-flows`, `data-painted` and `data-state`) under the nodes, and
 * the few flows still drawn as SVG edges (`.react-flow__edge`). Points on painted flows are found
 * the way a person finds them: by looking at the pixels of the canvas.
 */
export class FlowLayerPage {
  readonly canvas: Locator;
  readonly layer: Locator;
  readonly svgEdges: Locator;
  readonly pane: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.layer = page.getByTestId('canvas.flow-layer');
    this.svgEdges = this.canvas.locator('.react-flow__edge');
    this.pane = this.canvas.locator('.react-flow__pane');
  }

  /** Waits until the canvas shows what it should (no paint job running). */
  async ready(): Promise<void> {
    await expect(this.layer).toHaveAttribute('data-state', 'ready');
  }

  /** How many flows are painted (`data-flows`). */
  async paintedCount(): Promise<number> {
    return Number(await this.layer.getAttribute('data-flows'));
  }

  async transform(): Promise<ViewTransform> {
    const style = await this.canvas.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(style);
    if (!match) throw new Error(`no viewport transform in ${style}`);
    return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
  }

  /** Zooms in with the mouse wheel over `at` until the zoom reaches `zoom`. */
  async zoomInAt(at: ScreenPoint, zoom: number): Promise<void> {
    await this.page.mouse.move(at.x, at.y);
    for (let i = 0; i < 40 && (await this.transform()).zoom < zoom; i++) {
      const before = (await this.transform()).zoom;
      await this.page.mouse.wheel(0, -200);
      await expect.poll(async () => (await this.transform()).zoom).toBeGreaterThan(before);
    }
    expect((await this.transform()).zoom).toBeGreaterThanOrEqual(zoom);
  }

  /**
   * Screen points where the canvas shows the middle of an allowed flow's line (opaque pixels of
   * the allowed colour) on the empty pane or inside a namespace's box, at least `clearance`
   * pixels from any workload or panel (so not an arrow head at a workload's border), nearest to
   * the middle of the view first; `near` limits them to a circle around a point, `paneOnly` to
   * the empty pane (a click there reaches the pane, not a namespace).
   */
  async paintedSpots(options: { near?: ScreenPoint & { radius: number }; clearance?: number; paneOnly?: boolean } = {}): Promise<ScreenPoint[]> {
    return this.layer.evaluate((element, { near, clearance, paneOnly }) => {
      const canvas = element as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const hex = getComputedStyle(canvas).getPropertyValue('--allowed-line').trim() || '#2e8540';
      const colour = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      // The empty pane, or a namespace's box around its workloads (not a workload, a panel or a label).
      const onPane = (x: number, y: number) => {
        const under = document.elementFromPoint(box.left + x, box.top + y);
        if (under?.classList.contains('react-flow__pane')) return true;
        return !paneOnly && Boolean(under?.closest('.react-flow__node')?.classList.contains('react-flow__node-namespace'));
      };
      const around = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => [Math.cos((k * Math.PI) / 4) * clearance, Math.sin((k * Math.PI) / 4) * clearance] as const);
      const step = near ? 1 : 3;
      const [left, top] = near ? [near.x - box.left - near.radius, near.y - box.top - near.radius] : [20, 20];
      const [right, bottom] = near ? [left + 2 * near.radius, top + 2 * near.radius] : [box.width - 20, box.height - 20];
      const spots: { x: number; y: number }[] = [];
      for (let y = Math.round(top); y <= bottom; y += step) {
        for (let x = Math.round(left); x <= right; x += step) {
          if (x < 0 || y < 0 || x >= box.width || y >= box.height) continue;
          const i = (Math.round(y * ratio) * canvas.width + Math.round(x * ratio)) * 4;
          if (pixels[i + 3]! < 200 || colour.some((c, k) => Math.abs(pixels[i + k]! - c) > 12)) continue;
          if (onPane(x, y) && around.every(([dx, dy]) => onPane(x + dx, y + dy))) spots.push({ x: box.left + x, y: box.top + y });
        }
      }
      const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
      return spots.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
    }, { near: options.near, clearance: options.clearance ?? 10, paneOnly: options.paneOnly ?? false });
  }

  /** A point inside `box` (8 pixels in from its border) where a flow is painted under whatever covers it. */
  async paintedUnder(box: { x: number; y: number; width: number; height: number }): Promise<ScreenPoint | undefined> {
    return this.layer.evaluate((element, box) => {
      const canvas = element as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const bounds = canvas.getBoundingClientRect();
      const ratio = canvas.width / bounds.width;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      let best: { x: number; y: number } | undefined;
      for (let y = box.y + 8; y <= box.y + box.height - 8; y++) {
        for (let x = box.x + 8; x <= box.x + box.width - 8; x++) {
          const px = Math.round((x - bounds.left) * ratio);
          const py = Math.round((y - bounds.top) * ratio);
          if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height || pixels[(py * canvas.width + px) * 4 + 3]! < 200) continue;
          if (!best || Math.hypot(x - cx, y - cy) < Math.hypot(best.x - cx, best.y - cy)) best = { x, y };
        }
      }
      return best;
    }, box);
  }

  /** A point of the empty pane with nothing painted within `radius` pixels. */
  async emptySpot(radius = 16): Promise<ScreenPoint> {
    const spot = await this.layer.evaluate((element, radius) => {
      const canvas = element as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const clear = (x: number, y: number) => {
        for (let dy = -radius; dy <= radius; dy += 2) {
          for (let dx = -radius; dx <= radius; dx += 2) {
            const px = Math.round((x + dx) * ratio);
            const py = Math.round((y + dy) * ratio);
            if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height || pixels[(py * canvas.width + px) * 4 + 3]! > 0) return false;
            if (!document.elementFromPoint(box.left + x + dx, box.top + y + dy)?.classList.contains('react-flow__pane')) return false;
          }
        }
        return true;
      };
      // From the middle outwards: away from the panels along the canvas's borders.
      const candidates: { x: number; y: number; d: number }[] = [];
      for (let y = radius + 60; y < box.height - radius - 60; y += 20) {
        for (let x = radius + 40; x < box.width - radius - 40; x += 20) candidates.push({ x, y, d: Math.hypot(x - box.width / 2, y - box.height / 2) });
      }
      const found = candidates.sort((a, b) => a.d - b.d).find((c) => clear(c.x, c.y));
      return found ? { x: box.left + found.x, y: box.top + found.y } : undefined;
    }, radius);
    if (!spot) throw new Error('no empty spot on the pane');
    return spot;
  }

  /** Where a flow drawn as an SVG edge passes on screen: its curve (from the path) sampled at `samples` points. */
  async svgEdgePoints(edge: Locator, samples = 64): Promise<ScreenPoint[]> {
    const d = await edge.locator('path.flow-path').getAttribute('d');
    const n = (d ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    if (n.length !== 8) throw new Error(`not a cubic curve: ${d}`);
    const view = await this.transform();
    const origin = (await this.canvas.locator('.react-flow').boundingBox())!;
    const points: ScreenPoint[] = [];
    for (let k = 0; k <= samples; k++) {
      const t = k / samples;
      const u = 1 - t;
      const [a, b, c, e] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
      const x = a * n[0]! + b * n[2]! + c * n[4]! + e * n[6]!;
      const y = a * n[1]! + b * n[3]! + c * n[5]! + e * n[7]!;
      points.push({ x: origin.x + view.x + x * view.zoom, y: origin.y + view.y + y * view.zoom });
    }
    return points;
  }
}

/** The shortest distance from `point` to a polyline through `points`. */
export function distanceToPoints(points: readonly ScreenPoint[], point: ScreenPoint): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
    best = Math.min(best, Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy)));
  }
  return best;
}
