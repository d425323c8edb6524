/**
 * Drawing a flow on the canvas: drag from a node's handle and drop on another node (or anywhere
 * over it), then choose the ports in the popover; the drawing slice adds the intent. A problem
 * (a flow that cannot be drawn, the YAML has errors) comes back as the canvas's message.
 */
import type { OnConnectEnd } from '@xyflow/react';
import { useCallback, useState, type RefObject } from 'react';
import type { ContainerPort, PortIntent } from '../../core/index.ts';
import { appStore } from '../store/index.ts';
import { selectOnCanvas } from './select.ts';

/** A flow being drawn: its ends, and where the port popover opens (in the canvas's pixels). */
export interface PendingFlow {
  readonly source: string;
  readonly target: string;
  readonly declared: readonly ContainerPort[];
  readonly x: number;
  readonly y: number;
}

/** The canvas node under a screen point (the innermost one), or undefined. */
function nodeIdAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const node = element.closest('.react-flow__node');
    const id = node?.getAttribute('data-id');
    if (id && !id.startsWith('ns:')) return id;
  }
  return undefined;
}

export function useFlowDrawing(wrapper: RefObject<HTMLDivElement | null>) {
  const [pending, setPending] = useState<PendingFlow | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      const source = state.fromNode?.id;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!source || !point) return;
      const target = state.toNode?.id ?? nodeIdAt(point.clientX, point.clientY);
      if (!target || target === source || target.startsWith('ns:')) return;
      const box = wrapper.current?.getBoundingClientRect();
      const workload = appStore.getState().analysis?.model.workloads.find((w) => w.id === target);
      setMessage(undefined);
      setPending({
        source,
        target,
        declared: workload?.ports ?? [],
        x: Math.max(8, Math.min(point.clientX - (box?.left ?? 0), (box?.width ?? 400) - 300)),
        y: Math.max(8, Math.min(point.clientY - (box?.top ?? 0), (box?.height ?? 400) - 260)),
      });
    },
    [wrapper],
  );
  const confirmFlow = useCallback(
    (ports: PortIntent) => {
      if (!pending) return;
      setPending(undefined);
      setMessage(appStore.getState().addFlow(pending.source, pending.target, ports));
      selectOnCanvas({ kind: 'flow', source: pending.source, target: pending.target });
    },
    [pending],
  );
  const cancelFlow = useCallback(() => setPending(undefined), []);
  return { pending, message, setMessage, onConnectEnd, confirmFlow, cancelFlow };
}
