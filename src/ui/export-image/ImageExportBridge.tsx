/** Lets image export (outside the canvas) read React Flow's nodes and viewport. Renders nothing. */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { registerCanvasSource } from './canvas-source.ts';

/** Frames to wait at most for every node to be in the DOM and measured. */
const MAX_FRAMES = 300;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** `setWhole(true)`: the canvas renders every node, with details (FlowCanvas); false restores it. */
export function ImageExportBridge({ setWhole }: { readonly setWhole: (whole: boolean) => void }) {
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
        prepare: async () => {
          setWhole(true);
          const expected = flow.getNodes().filter((n) => !n.hidden).length;
          for (let frame = 0; frame < MAX_FRAMES; frame++) {
            await nextFrame();
            const domNode = store.getState().domNode;
            const rendered = domNode?.querySelectorAll<HTMLElement>('.react-flow__node') ?? [];
            if (rendered.length >= expected && [...rendered].every((n) => n.style.visibility !== 'hidden')) break;
          }
          return () => setWhole(false);
        },
      }),
    [flow, store, setWhole],
  );
  return null;
}
