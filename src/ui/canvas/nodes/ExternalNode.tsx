import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ExternalNode } from '../types.ts';

/** A set of addresses outside the cluster that policies treat alike. */
export const ExternalNodeView = memo(function ExternalNodeView({ data, selected }: NodeProps<ExternalNode>) {
  const classes = ['ext-node', data.emphasis ? `emphasis-${data.emphasis}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} title={`${data.label} (${data.familyText})`}>
      <Handle type="target" position={Position.Top} isConnectableStart={false} className="flow-handle flow-handle-target" />
      <div className="ext-label">{data.label}</div>
      <div className="ext-kind">external · {data.familyText}</div>
      <Handle type="source" position={Position.Bottom} className="flow-handle flow-handle-source" title="Drag to another node to allow a flow" />
    </div>
  );
});
