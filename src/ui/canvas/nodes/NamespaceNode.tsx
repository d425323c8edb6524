import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NamespaceNode } from '../types.ts';

/** A namespace: a group around its workloads, titled with its name and labels. */
export const NamespaceNodeView = memo(function NamespaceNodeView({ data, selected }: NodeProps<NamespaceNode>) {
  const classes = ['ns-node', data.emphasis ? `emphasis-${data.emphasis}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <div className="ns-title">
        <span className="ns-kind">namespace</span> <span className="ns-name">{data.name}</span>
        {data.declared ? null : <span className="ns-note"> (not declared)</span>}
      </div>
      {data.labels.length > 0 ? (
        <div className="chip-row" title={data.labels.join('\n')}>
          {data.labels.map((label) => (
            <span key={label} className="chip chip-label">
              {label}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
});
