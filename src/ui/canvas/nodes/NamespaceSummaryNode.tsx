import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { toggleNamespace } from '../scale-actions.ts';
import type { NamespaceSummaryNode } from '../types.ts';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A collapsed namespace: its name and labels, how many workloads and pods it holds, how many of
 * them policies isolate, and (while searching) how many match. Expand with the button, a
 * double-click, or the E key when selected.
 */
export const NamespaceSummaryView = memo(function NamespaceSummaryView({ data, selected }: NodeProps<NamespaceSummaryNode>) {
  const classes = ['ns-summary', data.emphasis ? `emphasis-${data.emphasis}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid={`ns-summary.${data.name}`}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="flow-handle flow-handle-target" />
      <div className="ns-summary-head">
        <span className="ns-kind">namespace</span> <span className="ns-name" title={data.name}>{data.name}</span>
        <button
          type="button"
          className="ns-toggle nodrag"
          onClick={() => toggleNamespace(data.name, 'expanded')}
          title="Expand: show this namespace's workloads (double-click, or E)"
          aria-label={`Expand namespace ${data.name}`}
          data-testid={`ns.expand.${data.name}`}
        >
          +
        </button>
      </div>
      <div className="chip-row" title={data.labels.join('\n')}>
        {data.labels.map((label) => (
          <span key={label} className="chip chip-label">
            {label}
          </span>
        ))}
        {data.declared ? null : <span className="ns-note">not declared</span>}
      </div>
      <div className="ns-summary-counts" data-testid="ns-summary.counts">
        {count(data.workloads)} {data.workloads === 1 ? 'workload' : 'workloads'} · {count(data.pods)} {data.pods === 1 ? 'pod' : 'pods'}
      </div>
      <div className={`iso-badge ${data.ingressIsolated > 0 ? 'iso-deny' : 'iso-allow'}`} data-testid="ns-summary.ingress">
        ingress isolated: {count(data.ingressIsolated)} of {count(data.workloads)}
      </div>
      <div className={`iso-badge ${data.egressIsolated > 0 ? 'iso-deny' : 'iso-allow'}`} data-testid="ns-summary.egress">
        egress isolated: {count(data.egressIsolated)} of {count(data.workloads)}
      </div>
      {data.matches !== undefined ? (
        <div className={`ns-summary-matches${data.matches > 0 ? ' has-matches' : ''}`} data-testid="ns-summary.matches">
          {count(data.matches)} {data.matches === 1 ? 'match' : 'matches'}
        </div>
      ) : null}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="flow-handle flow-handle-source" />
    </div>
  );
});
