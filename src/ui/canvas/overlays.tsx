/** Small pieces drawn over or beside the flow: arrow heads, the note on left-out flows. */
import { Panel } from '@xyflow/react';
import { markerId, type FlowLook } from './edges/FlowEdge.tsx';
import { OPEN_FLOW_LIMIT } from './graph.ts';
import type { CanvasGraph } from './types.ts';

const LOOKS: readonly FlowLook[] = ['allowed', 'denied', 'half-open', 'partial'];

/** One arrow head per look, referenced by the flow edges' `marker-end`. */
export function ArrowMarkers() {
  return (
    <svg className="flow-markers" aria-hidden="true">
      <defs>
        {LOOKS.map((look) => (
          <marker
            key={look}
            id={markerId(look)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className={`flow-marker flow-${look}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

/** Says that (and how many) default-allow flows are left out, with a button to draw them. */
export function OpenFlowsNote({
  openFlows,
  onChange,
}: {
  readonly openFlows: CanvasGraph['openFlows'];
  readonly onChange: (show: boolean) => void;
}) {
  if (openFlows.count <= OPEN_FLOW_LIMIT && !openFlows.hidden) return null;
  return (
    <Panel position="bottom-center" className="open-flows-note" data-testid="canvas.open-flows">
      {openFlows.hidden ? (
        <>
          {openFlows.count} flows between default-allow workloads not drawn{' '}
          <button type="button" onClick={() => onChange(true)}>
            Draw them
          </button>
        </>
      ) : (
        <button type="button" onClick={() => onChange(false)}>
          Hide the {openFlows.count} default-allow flows
        </button>
      )}
    </Panel>
  );
}
