/**
 * Painted flows in an exported image (src/ui/export-image): the layer's own canvas covers only
 * the view, so an image of the whole graph asks the layer to paint its flows once more for the
 * image's region and zoom, as one canvas placed in flow coordinates inside the viewport (which the
 * image renders). The layer registers its painter on React Flow's edge container while mounted.
 */
import type { ViewRect } from './painted-flows.ts';

export type ImagePainter = (region: ViewRect, zoom: number, pixelRatio: number) => HTMLCanvasElement;

const painters = new WeakMap<Element, ImagePainter>();

export function registerImagePainter(edgeContainer: Element, painter: ImagePainter): () => void {
  painters.set(edgeContainer, painter);
  return () => {
    if (painters.get(edgeContainer) === painter) painters.delete(edgeContainer);
  };
}

/**
 * Puts a canvas with every painted flow of the region into the viewport's edge layer (under the
 * nodes, like the live layer) and returns it, to remove once the image is drawn; undefined when
 * the drawing has no painted flows.
 */
export function lendPaintedFlows(viewport: Element, region: ViewRect, zoom: number, pixelRatio: number): HTMLCanvasElement | undefined {
  const container = viewport.querySelector('.react-flow__edges');
  const painter = container ? painters.get(container) : undefined;
  if (!container || !painter) return undefined;
  const canvas = painter(region, zoom, pixelRatio);
  canvas.className = 'flow-layer-image';
  Object.assign(canvas.style, {
    position: 'absolute',
    left: `${region.x}px`,
    top: `${region.y}px`,
    width: `${region.width}px`,
    height: `${region.height}px`,
    zIndex: '1',
    pointerEvents: 'none',
  });
  // First in the edge layer, like the live layer: under the flows that stay SVG edges.
  container.prepend(canvas);
  return canvas;
}
