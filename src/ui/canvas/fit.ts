/**
 * Fitting the view to nodes from the boxes the canvas placed them in (known before React Flow
 * has measured anything), so that a fit right after a layout, an expanded namespace or a focus
 * never misses nodes still being measured. Falls back to React Flow's fitView while the canvas
 * has no size yet.
 */
import { getViewportForBounds, useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { absoluteRects } from './edges/route.ts';
import type { CanvasNode } from './types.ts';

export type FitOptions = Pick<FitViewOptions, 'padding' | 'maxZoom'>;

/**
 * Returns `fitTo(ids?)`: fit every shown node, or those of `ids` that are shown. `topInset()`
 * says how far down panels over the top of the canvas reach (in pixels): the drawing starts
 * below them.
 */
export function useFitTo(nodes: readonly CanvasNode[], options: FitOptions, topInset: () => number): (ids?: readonly string[]) => void {
  const latest = useRef({ nodes, options, topInset });
  latest.current = { nodes, options, topInset };
  const flowStore = useStoreApi();
  const { fitView, setViewport } = useReactFlow();
  return useCallback(
    (ids?: readonly string[]) => {
      const { nodes: current, options: base, topInset: inset } = latest.current;
      const padding = base.padding;
      const fit: FitOptions =
        typeof padding === 'object' && 'top' in padding && typeof padding.top === 'string'
          ? { ...base, padding: { ...padding, top: `${Math.max(Number.parseFloat(padding.top), inset() + 8)}px` } }
          : base;
      const { width, height, minZoom } = flowStore.getState();
      const rects = absoluteRects(current);
      const chosen = ids ? ids.flatMap((id) => rects.get(id) ?? []) : [...rects.values()];
      if (chosen.length === 0 || width === 0 || height === 0) {
        void fitView(ids ? { ...fit, nodes: ids.map((id) => ({ id })) } : fit);
        return;
      }
      const x = Math.min(...chosen.map((r) => r.x));
      const y = Math.min(...chosen.map((r) => r.y));
      const right = Math.max(...chosen.map((r) => r.x + r.width));
      const bottom = Math.max(...chosen.map((r) => r.y + r.height));
      const viewport = getViewportForBounds({ x, y, width: right - x, height: bottom - y }, width, height, minZoom, fit.maxZoom ?? 1, fit.padding ?? 0.1);
      void setViewport(viewport);
    },
    [flowStore, fitView, setViewport],
  );
}
