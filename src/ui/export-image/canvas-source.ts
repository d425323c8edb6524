/**
 * The canvas as image export sees it. React Flow's state lives inside the canvas's provider;
 * the canvas registers this small view of it (ImageExportBridge) so dialogs outside the canvas
 * can draw it. Undefined while no canvas is on screen.
 */
import type { Rect, Viewport } from '@xyflow/react';

export interface CanvasSource {
  /** `.react-flow__viewport`: the element holding nodes, edges and labels. */
  readonly viewportElement: () => HTMLElement | null;
  /** Bounds of every visible node, in flow coordinates (undefined: nothing drawn). */
  readonly graphBounds: () => Rect | undefined;
  /** The viewport and the pane's size in pixels: what is on screen. */
  readonly screen: () => { readonly viewport: Viewport; readonly width: number; readonly height: number };
  /**
   * Puts every node in the DOM with its details (a large canvas draws only what is in view, and
   * zoomed far out only boxes) and resolves once they are measured; the function it resolves to
   * restores the canvas as it was.
   */
  readonly prepare: () => Promise<() => void>;
}

let current: CanvasSource | undefined;

/** Registers the canvas; returns the unregistration. */
export function registerCanvasSource(source: CanvasSource): () => void {
  current = source;
  return () => {
    if (current === source) current = undefined;
  };
}

export function canvasSource(): CanvasSource | undefined {
  return current;
}
