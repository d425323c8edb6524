/**
 * Paints flows on 2D canvases the way the SVG edges look (canvas.css): colour per look, dashes
 * for denied, half-open and partial flows, an arrow head at the receiving end and, zoomed in far
 * enough to read them, the labels. Zoomed far out (where no dash, arrow or curve could be seen)
 * flows are straight lines, which costs half as much.
 *
 * Painting thousands of long flows takes longer than a frame in a browser without a GPU, so the
 * layer never paints them in the frame that shows them: a PaintJob paints a region around the
 * view (at one zoom) into an off-screen canvas a few milliseconds per frame, and each frame only
 * copies the last finished one to the screen, moved and scaled to the current view.
 */
import { arrowHead, boxInView, type PaintLook, type PaintedFlow, type ViewRect } from './painted-flows.ts';

export interface LookStyle {
  readonly color: string;
  readonly width: number;
  readonly dash: readonly number[];
  readonly labelBorder: string;
  readonly labelText: string;
  readonly labelBackground: string;
  readonly labelBold: boolean;
}

export type LayerStyles = Readonly<Record<PaintLook, LookStyle>>;

/** The looks of canvas.css, with the page's colour variables resolved on `element`. */
export function layerStyles(element: Element): LayerStyles {
  const css = getComputedStyle(element);
  const variable = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const allowed = variable('--allowed-line', '#2e8540');
  const denied = variable('--denied-line', '#c0392b');
  const halfOpen = variable('--half-open', '#d35400');
  const white = 'rgba(255, 255, 255, 0.94)';
  return {
    allowed: { color: allowed, width: 2, dash: [], labelBorder: '#9cc9a6', labelText: variable('--allowed-fg', '#1e6b30'), labelBackground: white, labelBold: false },
    open: { color: '#8fbf99', width: 1.25, dash: [], labelBorder: '#c9e0cd', labelText: '#3f6b49', labelBackground: white, labelBold: false },
    denied: { color: denied, width: 2, dash: [5, 4], labelBorder: '#e0a5a0', labelText: variable('--denied-fg', '#a12c20'), labelBackground: white, labelBold: true },
    'half-open': { color: halfOpen, width: 2.5, dash: [8, 4], labelBorder: halfOpen, labelText: '#8a3a00', labelBackground: '#fff4e8', labelBold: true },
    partial: { color: '#6a8f3a', width: 2, dash: [10, 3, 2, 3], labelBorder: '#c5d6a6', labelText: '#3d5a1a', labelBackground: white, labelBold: false },
  };
}

/** Below this zoom, flows are straight undashed lines without arrow heads (none could be seen). */
const LINES_ONLY_BELOW = 0.3;
/** Above this many labels in a region, none is painted: they would only cover each other. */
const MAX_LABELS = 400;
const ORDER: readonly PaintLook[] = ['open', 'allowed', 'partial', 'denied', 'half-open'];
/** How many flows are painted between two looks at the clock. */
const BATCH = 150;

export interface PaintRequest {
  readonly flows: readonly PaintedFlow[];
  readonly zoom: number;
  /** The part of the drawing to paint, in flow coordinates. */
  readonly region: ViewRect;
  readonly pixelRatio: number;
  readonly styles: LayerStyles;
  /** Paint labels (only zoomed in far enough to read them), at this size relative to 12px. */
  readonly labels: boolean;
  readonly labelScale: number;
}

/** A region of flows painted (or being painted) off screen at one zoom. */
export class PaintJob {
  readonly canvas: HTMLCanvasElement;
  readonly zoom: number;
  readonly region: ViewRect;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly queue: readonly PaintedFlow[];
  private next = 0;
  private labelsDone: boolean;

  constructor(private readonly request: PaintRequest) {
    const { zoom, region, pixelRatio } = request;
    this.zoom = zoom;
    this.region = region;
    this.canvas = document.createElement('canvas');
    this.canvas.width = Math.max(1, Math.ceil(region.width * zoom * pixelRatio));
    this.canvas.height = Math.max(1, Math.ceil(region.height * zoom * pixelRatio));
    this.ctx = this.canvas.getContext('2d')!;
    const scale = zoom * pixelRatio;
    this.ctx.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
    // Dimmed flows first (underneath), then by look so that runs share one stroke.
    const margin = 8 / zoom;
    const rank = (f: PaintedFlow) => (f.dim ? 0 : ORDER.length) + ORDER.indexOf(f.look);
    this.queue = request.flows.filter((f) => boxInView(f.box, region, margin)).sort((a, b) => rank(a) - rank(b));
    this.labelsDone = !request.labels;
  }

  /** Frees the bitmap (the canvas is left empty); the job shows nothing after this. */
  release(): void {
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.next = this.queue.length;
    this.labelsDone = true;
  }

  /** How many flows the region holds. */
  get size(): number {
    return this.queue.length;
  }

  get done(): boolean {
    return this.next >= this.queue.length && this.labelsDone;
  }

  /** Paints for about `budgetMs` milliseconds; true once everything is painted. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (this.next < this.queue.length && performance.now() < until) this.paintBatch();
    if (this.next >= this.queue.length && !this.labelsDone && performance.now() < until) {
      paintLabels(this.ctx, this.queue, this.request);
      this.labelsDone = true;
    }
    return this.done;
  }

  private paintBatch(): void {
    const { ctx, queue, zoom } = this;
    const end = Math.min(queue.length, this.next + BATCH);
    const linesOnly = zoom < LINES_ONLY_BELOW;
    const minWidth = 1 / zoom;
    while (this.next < end) {
      const first = queue[this.next]!;
      let last = this.next;
      while (last + 1 < end && queue[last + 1]!.look === first.look && queue[last + 1]!.dim === first.dim) last++;
      const style = this.request.styles[first.look];
      const lineWidth = Math.max(style.width, minWidth);
      ctx.globalAlpha = first.dim ? 0.15 : linesOnly ? 0.5 : 0.9;
      ctx.strokeStyle = style.color;
      ctx.fillStyle = style.color;
      ctx.lineWidth = lineWidth;
      ctx.setLineDash(linesOnly ? [] : style.dash.map((d) => (d * lineWidth) / style.width));
      ctx.beginPath();
      for (let i = this.next; i <= last; i++) {
        const c = queue[i]!.curve;
        ctx.moveTo(c[0], c[1]);
        if (linesOnly) ctx.lineTo(c[6], c[7]);
        else ctx.bezierCurveTo(c[2], c[3], c[4], c[5], c[6], c[7]);
      }
      ctx.stroke();
      if (!linesOnly) {
        ctx.setLineDash([]);
        const head = Math.max(7, 5 * minWidth);
        // One fill per head: a single path of thousands of triangles fills far slower.
        for (let i = this.next; i <= last; i++) {
          const [ax, ay, bx, by, cx, cy] = arrowHead(queue[i]!.curve, head);
          ctx.beginPath();
          ctx.moveTo(ax, ay);
          ctx.lineTo(bx, by);
          ctx.lineTo(cx, cy);
          ctx.fill();
        }
      }
      this.next = last + 1;
    }
    ctx.globalAlpha = 1;
  }
}

function paintLabels(ctx: CanvasRenderingContext2D, flows: readonly PaintedFlow[], request: PaintRequest): void {
  const { region, styles, labelScale: scale } = request;
  const labelled = flows.filter(
    (f) => f.label && !f.dim && f.labelX >= region.x && f.labelX <= region.x + region.width && f.labelY >= region.y && f.labelY <= region.y + region.height,
  );
  if (labelled.length > MAX_LABELS) return;
  const fontSize = 12 * scale;
  const height = 17 * scale;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  for (const flow of labelled) {
    const style = styles[flow.look];
    ctx.font = `${style.labelBold ? '700 ' : ''}${fontSize}px system-ui, sans-serif`;
    const text = flow.label ?? '';
    const width = ctx.measureText(text).width + 10 * scale;
    ctx.beginPath();
    ctx.roundRect(flow.labelX - width / 2, flow.labelY - height / 2, width, height, 4 * scale);
    ctx.fillStyle = style.labelBackground;
    ctx.fill();
    ctx.strokeStyle = style.labelBorder;
    ctx.stroke();
    ctx.fillStyle = style.labelText;
    ctx.fillText(text, flow.labelX, flow.labelY + 0.5);
  }
}

/** Copies a painted region onto the view's canvas, moved and scaled to the view's transform. */
export function showPainted(ctx: CanvasRenderingContext2D, painted: PaintJob | undefined, transform: readonly [number, number, number], pixelRatio: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (!painted) return;
  const [x, y, zoom] = transform;
  const left = (painted.region.x * zoom + x) * pixelRatio;
  const top = (painted.region.y * zoom + y) * pixelRatio;
  const stretch = zoom / painted.zoom;
  if (stretch === 1) {
    // Whole pixels: a copy, not a resampling.
    ctx.drawImage(painted.canvas, Math.round(left), Math.round(top));
  } else {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(painted.canvas, left, top, painted.canvas.width * stretch, painted.canvas.height * stretch);
  }
}

/** Paints a whole region at once (for an exported image, where waiting is expected). */
export function paintRegion(request: PaintRequest): HTMLCanvasElement {
  const job = new PaintJob(request);
  while (!job.step(1_000)) {
    // every flow of the region, then the labels
  }
  return job.canvas;
}
