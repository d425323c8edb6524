/** Lets image export (outside the canvas) read React Flow's nodes and viewport. Renders nothing. */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { registerCanvasSource } from './canvas-source.ts';

export function ImageExportBridge() {
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(
    () =>
      registerCanvasSource({
        viewportElement: () => store.getState().domNode?.querySelector<HTMLElement>('.react-flow__viewport') ?? null,
        graphBounds: () => {
          const nodes = flow.getNodes().filter((n) => !n.hidden);
          return nodes.length === 0 ? undefined : flow.getNodesBounds(nodes);
        },
        screen: () => {
          const { width, height, transform } = store.getState();
          return { viewport: { x: transform[0], y: transform[1], zoom: transform[2] }, width, height };
        },
      }),
    [flow, store],
  );
  return null;
}
