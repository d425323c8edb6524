import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { IsolationBadge, WorkloadNode } from '../types.ts';
import { useBoxesOnly } from './detail.ts';

function Badge({ badge }: { readonly badge: IsolationBadge }) {
  return (
    <div
      className={`iso-badge ${badge.isolated ? 'iso-deny' : 'iso-allow'}`}
      title={badge.isolated ? `Isolated for ${badge.direction} by ${badge.policies.join(', ')}` : `No policy selects this workload for ${badge.direction}: everything is allowed`}
      data-testid={`badge.${badge.direction}`}
    >
      <span aria-hidden="true" className="iso-mark">
        {badge.isolated ? '■' : '□'}
      </span>
      {badge.text}
    </div>
  );
}

function ChipRows({ rows, kind }: { readonly rows: readonly (readonly string[])[]; readonly kind: 'label' | 'port' }) {
  return rows.map((row, i) => (
    <div className="chip-row" key={i}>
      {row.map((chip) => (
        <span key={chip} className={`chip chip-${kind}`} title={chip}>
          {chip}
        </span>
      ))}
    </div>
  ));
}

/** A workload (or a standalone pod): kind and replicas, labels, ports, isolation per direction. */
export const WorkloadNodeView = memo(function WorkloadNodeView({ data, selected }: NodeProps<WorkloadNode>) {
  const classes = ['wl-node', data.inferred ? 'inferred' : '', data.emphasis ? `emphasis-${data.emphasis}` : '', selected ? 'is-selected' : '']
    .filter(Boolean)
    .join(' ');
  const title = [data.workloadId, ...data.labels, ...data.ports].join('\n');
  if (useBoxesOnly()) {
    // Zoomed far out: the box alone (the tooltip still names it; the handles anchor its flows).
    return (
      <div className={`${classes} wl-box${data.ingress.isolated || data.egress.isolated ? ' wl-box-isolated' : ''}`} title={title}>
        <Handle type="target" position={Position.Top} isConnectableStart={false} className="flow-handle flow-handle-target" />
        <Handle type="source" position={Position.Bottom} className="flow-handle flow-handle-source" />
      </div>
    );
  }
  return (
    <div className={classes} title={title}>
      <Handle type="target" position={Position.Top} isConnectableStart={false} className="flow-handle flow-handle-target" />
      <div className="wl-head">
        <span className="wl-name">{data.name}</span>
        <span className="wl-kind">{data.kindText}</span>
        {data.lint ? (
          <span
            className="wl-lint"
            role="note"
            aria-label={`${data.lint.length} lint warning${data.lint.length === 1 ? '' : 's'}: ${data.lint.join(' ')}`}
            data-testid="node.lint"
            data-count={data.lint.length}
            title={data.lint.join('\n\n')}
          >
            <span aria-hidden="true">⚠</span> {data.lint.length}
          </span>
        ) : null}
      </div>
      <ChipRows rows={data.labelRows} kind="label" />
      <ChipRows rows={data.portRows} kind="port" />
      <Badge badge={data.ingress} />
      <Badge badge={data.egress} />
      {data.inferred ? <div className="wl-note">inferred from selectors</div> : null}
      <Handle type="source" position={Position.Bottom} className="flow-handle flow-handle-source" title="Drag to another node to allow a flow" />
    </div>
  );
});
