/**
 * How big an exported image is and where the drawing sits in it. "Whole graph": every node at
 * about its natural size (zoom ≤ 1.5), inside a margin, never smaller than a projector-friendly
 * minimum nor larger than what a browser canvas can hold; "on screen": the pane as it is.
 */
import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';

export type ImageScope = 'graph' | 'screen';
export type ImageFormat = 'png' | 'svg';

export interface ImagePlan {
  /** Size of the drawing in CSS pixels (the title band comes on top of it). */
  readonly width: number;
  readonly height: number;
  /** The transform that puts the drawing in that box. */
  readonly viewport: Viewport;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
export const MAX_SIDE = 6000;
/** Room around the drawing: edges and labels reach past the node boxes. */
export const MARGIN = 48;
/** Height of the title band above the drawing. */
export const TITLE_BAND = 56;
/** Pixel ratio of PNGs (sharp when projected or zoomed), lowered for very large drawings. */
export const PIXEL_RATIO = 2;
/** Most pixels a PNG may have (browsers refuse canvases much past ~16k × 16k). */
export const MAX_PIXELS = 64_000_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function planGraphImage(bounds: Rect): ImagePlan {
  const width = Math.round(clamp(bounds.width + 2 * MARGIN, MIN_WIDTH, MAX_SIDE));
  const height = Math.round(clamp(bounds.height + 2 * MARGIN, MIN_HEIGHT, MAX_SIDE));
  const padded = { x: bounds.x - MARGIN, y: bounds.y - MARGIN, width: bounds.width + 2 * MARGIN, height: bounds.height + 2 * MARGIN };
  return { width, height, viewport: getViewportForBounds(padded, width, height, 0.05, 1.5, 0) };
}

export function planScreenImage(screen: { viewport: Viewport; width: number; height: number }): ImagePlan {
  return { width: Math.round(screen.width), height: Math.round(screen.height), viewport: screen.viewport };
}

/** The PNG pixel ratio for a drawing of this size with its title band. */
export function pixelRatioFor(width: number, height: number): number {
  const area = width * (height + TITLE_BAND);
  return Math.min(PIXEL_RATIO, Math.sqrt(MAX_PIXELS / Math.max(1, area)));
}

/** `<title>.png`: letters and digits of the title, dashes for the rest. */
export function imageFileName(title: string, format: ImageFormat): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'netpol-canvas'}.${format}`;
}
