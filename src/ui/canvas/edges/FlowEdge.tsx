/**
 * A flow: one connection-initiation direction between two nodes. Drawn so that colour is never
 * the only cue: allowed is a solid line with its ports, denied a dashed line with ✗, half-open a
 * dashed line with ⚠ and the side that refuses.
 *
 * DOM attributes: the edge object's `domAttributes` (`data-verdict`, `data-half-open`,
 * `data-selected`, set by graph.ts; `data-change` and `data-ghost`, set by change-overlay.ts)
 * are spread by React Flow onto the edge's wrapper `<g>`, the element carrying
 * `data-testid="rf__edge-<id>"`; the label (rendered elsewhere in the DOM by EdgeLabelRenderer)
 * repeats `data-verdict` and carries `data-testid="flow-label.<id>"`.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { selectOnCanvas } from '../select.ts';
import type { FlowEdge } from '../types.ts';
import { useRoute } from './routes-context.ts';

/** `partial`: a gathered flow (collapse.ts) that some of its workload pairs may open, not all. */
export type FlowLook = 'allowed' | 'denied' | 'half-open' | 'partial';

export function markerId(look: FlowLook): string {
  return `netpol-arrow-${look}`;
}

export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<FlowEdge>) {
  const { id, source, target, data, selected } = props;
  // Routed centrally (route.ts) so that labels avoid nodes and each other.
  const route = useRoute(id);
  if (!route) return null;
  const { path, labelX, labelY, hideLabel, label } = route;
  const look: FlowLook = data?.halfOpen ? 'half-open' : data?.aggregate?.coverage === 'partial' ? 'partial' : (data?.verdict ?? 'allowed');
  const drawing = `${data?.drawnDenied ? ' flow-drawn-denied' : ''}${data?.undrawn ? ' flow-undrawn' : ''}`;
  const change = `${data?.change ? ` flow-change-${data.change}` : ''}${data?.ghost ? ' flow-ghost' : ''}`;
  const emphasis = `${data?.emphasis ? ` emphasis-${data.emphasis}` : ''}${data?.open ? ' flow-open' : ''}${drawing}${change}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={`flow-path flow-${look}${emphasis}${selected ? ' is-selected' : ''}`}
        markerEnd={`url(#${markerId(look)})`}
        interactionWidth={14}
      />
      {data && !hideLabel ? (
        <EdgeLabelRenderer>
          <div
            className={`flow-label flow-${look}${emphasis}${selected ? ' is-selected' : ''}${data.hovered ? ' is-hovered' : ''} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px) scale(var(--label-scale, 1))` }}
            title={data.title}
            data-testid={`flow-label.${id}`}
            data-verdict={data.aggregate?.coverage ?? data.verdict}
            onClick={() => selectOnCanvas({ kind: 'flow', source, target })}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
