/**
 * Draws the canvas as an image, the way React Flow's docs do it: html-to-image renders
 * `.react-flow__viewport` with a transform that frames either the whole graph or what is on
 * screen. The SVG it makes (HTML nodes inside a foreignObject) is wrapped in one with a white
 * background and the workspace's title on top; a PNG is that SVG rasterised at pixel ratio 2.
 * Nothing is fetched: web fonts are skipped (the app uses system fonts) and the app has no
 * remote images; the result is a blob for a download.
 */
import { toSvg } from 'html-to-image';
import { lendPaintedFlows } from '../canvas/layer/image-painter.ts';
import type { CanvasSource } from './canvas-source.ts';
import { TITLE_BAND, pixelRatioFor, planGraphImage, planScreenImage, type ImageFormat, type ImagePlan, type ImageScope } from './plan.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const BACKGROUND = '#ffffff';
const SVG_DATA_PREFIX = 'data:image/svg+xml;charset=utf-8,';

export type CaptureResult = { readonly ok: true; readonly blob: Blob } | { readonly ok: false; readonly message: string };

/**
 * Interactive bits that mean nothing in a picture (connection handles, expand/collapse buttons),
 * and the live layer of painted flows (it covers the screen only: the image gets its own).
 */
function keepInImage(node: HTMLElement): boolean {
  return !(
    node instanceof Element &&
    (node.classList.contains('react-flow__handle') || node.tagName === 'BUTTON' || node.classList.contains('flow-layer'))
  );
}

/**
 * The flow edges' arrow heads are defined once outside the viewport; a copy goes inside it while
 * it is drawn, so the image has them too. Returns the copy, to remove afterwards.
 */
function lendArrowMarkers(viewport: HTMLElement): Element | undefined {
  const markers = viewport.closest('.react-flow')?.parentElement?.querySelector('svg.flow-markers');
  if (!markers) return undefined;
  const copy = markers.cloneNode(true) as Element;
  copy.setAttribute('aria-hidden', 'true');
  viewport.appendChild(copy);
  return copy;
}

async function drawViewport(viewport: HTMLElement, plan: ImagePlan): Promise<string> {
  const { x, y, zoom } = plan.viewport;
  const lent = lendArrowMarkers(viewport);
  // A large drawing's painted flows, painted again for the image's region (at the PNG's pixel ratio).
  const region = { x: -x / zoom, y: -y / zoom, width: plan.width / zoom, height: plan.height / zoom };
  const painted = lendPaintedFlows(viewport, region, zoom, pixelRatioFor(plan.width, plan.height));
  try {
    const url = await toSvg(viewport, {
      width: plan.width,
      height: plan.height,
      backgroundColor: BACKGROUND,
      skipFonts: true,
      filter: keepInImage,
      style: { width: `${plan.width}px`, height: `${plan.height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
    });
    if (!url.startsWith(SVG_DATA_PREFIX)) throw new Error('unexpected image data');
    return decodeURIComponent(url.slice(SVG_DATA_PREFIX.length));
  } finally {
    lent?.remove();
    painted?.remove();
  }
}

/** The drawing under a white title band with the workspace's title, as one SVG document. */
function addTitle(drawing: string, title: string, plan: ImagePlan): string {
  const parsed = new DOMParser().parseFromString(drawing, 'image/svg+xml');
  if (parsed.getElementsByTagName('parsererror').length > 0) throw new Error('the drawing is not valid SVG');
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  const height = plan.height + TITLE_BAND;
  root.setAttribute('width', String(plan.width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${plan.width} ${height}`);
  const make = (name: string, attributes: Record<string, string>) => {
    const element = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    root.appendChild(element);
    return element;
  };
  make('rect', { x: '0', y: '0', width: String(plan.width), height: String(height), fill: BACKGROUND });
  const heading = make('text', {
    x: '24',
    y: String(Math.round(TITLE_BAND * 0.62)),
    fill: '#1c2430',
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    'font-size': '22',
    'font-weight': '600',
  });
  heading.textContent = title || 'netpol-canvas';
  make('line', { x1: '0', y1: String(TITLE_BAND - 0.5), x2: String(plan.width), y2: String(TITLE_BAND - 0.5), stroke: '#d8dde5' });
  const inner = doc.importNode(parsed.documentElement, true) as Element;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(TITLE_BAND));
  root.appendChild(inner);
  return new XMLSerializer().serializeToString(doc);
}

async function rasterise(svg: string, plan: ImagePlan): Promise<Blob> {
  const image = new Image();
  image.src = `${SVG_DATA_PREFIX}${encodeURIComponent(svg)}`;
  await image.decode();
  const ratio = pixelRatioFor(plan.width, plan.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(plan.width * ratio);
  canvas.height = Math.round((plan.height + TITLE_BAND) * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw images');
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image is too large for this browser'))), 'image/png');
  });
}

export async function captureCanvas(
  source: CanvasSource,
  options: { readonly scope: ImageScope; readonly format: ImageFormat; readonly title: string },
): Promise<CaptureResult> {
  const viewport = source.viewportElement();
  if (!viewport) return { ok: false, message: 'The canvas is not on screen.' };
  let plan: ImagePlan;
  if (options.scope === 'graph') {
    const bounds = source.graphBounds();
    if (!bounds) return { ok: false, message: 'The canvas is empty: there is nothing to draw.' };
    plan = planGraphImage(bounds);
  } else {
    plan = planScreenImage(source.screen());
    if (plan.width < 1 || plan.height < 1) return { ok: false, message: 'The canvas is not on screen.' };
  }
  const restore = await source.prepare();
  try {
    const svg = addTitle(await drawViewport(viewport, plan), options.title, plan);
    const blob = options.format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await rasterise(svg, plan);
    return { ok: true, blob };
  } catch (error) {
    return { ok: false, message: `The image could not be drawn: ${error instanceof Error ? error.message : String(error)}.` };
  } finally {
    restore();
  }
}
