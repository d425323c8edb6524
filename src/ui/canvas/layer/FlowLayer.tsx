/**
 * One <canvas> with the painted flows (painted-flows.ts), placed first inside React Flow's edge
 * layer so that it sits under the SVG edges and the workloads and over the namespace groups. The
 * canvas covers exactly the view (it undoes the viewport's transform). Each frame it shows the
 * last finished PaintJob (paint.ts) moved and scaled to the view; when that does not cover the
 * view at the current zoom, a new job paints a region around the view a few milliseconds per
 * frame, so that panning and zooming never wait for thousands of flows to be painted.
 *
 * `data-state` is `painting` while a job runs and `ready` once the view shows what it should;
 * `data-painted` is how many flows the shown region holds.
 */
import { useStore as useFlowStore, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { registerImagePainter } from './image-painter.ts';
import { PaintJob, layerStyles, paintRegion, showPainted } from './paint.ts';
import { viewRect, type PaintedFlow, type ViewRect } from './painted-flows.ts';

const selectDomNode = (s: { domNode: HTMLDivElement | null }) => s.domNode;
/** Milliseconds of painting per frame. */
const FRAME_BUDGET = 8;
/** A job paints the view grown by this share of it on every side, so that short pans need no new job. */
const REGION_GROWTH = 0.5;

function contains(outer: ViewRect, inner: ViewRect): boolean {
  const slack = 0.5;
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

function grow(view: ViewRect): ViewRect {
  const dx = view.width * REGION_GROWTH;
  const dy = view.height * REGION_GROWTH;
  return { x: view.x - dx, y: view.y - dy, width: view.width + 2 * dx, height: view.height + 2 * dy };
}

export function FlowLayer({ flows, labelMinZoom, labelScale }: { readonly flows: readonly PaintedFlow[]; readonly labelMinZoom: number; readonly labelScale: number }) {
  const store = useStoreApi();
  const domNode = useFlowStore(selectDomNode);
  const container = domNode?.querySelector('.react-flow__edges') ?? null;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The last finished painting outlives a change of flows: it stays on screen until the new one is done.
  const shownRef = useRef<PaintJob | undefined>(undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return undefined;
    // First in the edge layer: the flows that stay SVG edges come after it, so over it (at the
    // same stacking level, under the workloads' cards).
    if (container && container.firstChild !== canvas) container.prepend(canvas);
    const styles = layerStyles(canvas);
    let current = false;
    let pending: PaintJob | undefined;
    let frame = 0;
    /** The zoom of the previous frame: a new painting starts only once the zoom holds still. */
    let lastZoom = Number.NaN;
    const replace = (job: PaintJob | undefined) => {
      // Let go of the old bitmap at once (a region is several megabytes).
      if (job && job !== shownRef.current && job !== pending) job.release();
    };
    const paint = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const [x, y, zoom] = transform;
      const pixelRatio = window.devicePixelRatio || 1;
      const pixelWidth = Math.max(1, Math.round(width * pixelRatio));
      const pixelHeight = Math.max(1, Math.round(height * pixelRatio));
      if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      // Undo the viewport's transform: the canvas covers the view, pixel for pixel.
      canvas.style.transform = `translate(${-x / zoom}px, ${-y / zoom}px) scale(${1 / zoom})`;
      const view = viewRect(transform, width, height);
      const covers = (job: PaintJob | undefined) => job !== undefined && job.zoom === zoom && contains(job.region, view);
      const zooming = zoom !== lastZoom;
      lastZoom = zoom;
      let waiting = false;
      if (!current || !covers(shownRef.current)) {
        if (zooming) {
          // Mid-zoom: the last painting, stretched, until the zoom holds for a frame.
          waiting = true;
        } else {
          if (!covers(pending)) {
            const old = pending;
            pending = new PaintJob({ flows, zoom, region: grow(view), pixelRatio, styles, labels: zoom >= labelMinZoom, labelScale });
            replace(old);
          }
          if (pending!.step(FRAME_BUDGET)) {
            const old = shownRef.current;
            shownRef.current = pending;
            pending = undefined;
            current = true;
            replace(old);
          }
        }
      }
      showPainted(ctx, shownRef.current, transform, pixelRatio);
      canvas.dataset['state'] = pending || waiting ? 'painting' : 'ready';
      canvas.dataset['painted'] = String(current ? (shownRef.current?.size ?? 0) : 0);
      if (pending || waiting) schedule();
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    schedule();
    let previous = store.getState();
    const unsubscribe = store.subscribe((state) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) schedule();
      previous = state;
    });
    const unregister = container
      ? registerImagePainter(container, (region, zoom, pixelRatio) =>
          paintRegion({ flows, zoom, region, pixelRatio, styles, labels: zoom >= labelMinZoom, labelScale: 1 }),
        )
      : undefined;
    return () => {
      unsubscribe();
      unregister?.();
      if (frame !== 0) cancelAnimationFrame(frame);
      pending?.release();
    };
  }, [store, flows, labelMinZoom, labelScale, container]);

  if (!container) return null;
  return createPortal(
    <canvas ref={canvasRef} className="flow-layer" data-testid="canvas.flow-layer" data-flows={flows.length} data-state="painting" aria-hidden="true" />,
    container,
  );
}
