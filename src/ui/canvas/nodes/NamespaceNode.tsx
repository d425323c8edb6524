import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { toggleNamespace } from '../scale-actions.ts';
import type { NamespaceNode } from '../types.ts';

/** A namespace: a group around its workloads, titled with its name and labels; it can be collapsed. */
export const NamespaceNodeView = memo(function NamespaceNodeView({ data, selected }: NodeProps<NamespaceNode>) {
  const classes = ['ns-node', data.emphasis ? `emphasis-${data.emphasis}` : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <div className="ns-title">
        <span className="ns-kind">namespace</span> <span className="ns-name">{data.name}</span>
        {data.declared ? null : <span className="ns-note"> (not declared)</span>}
        <button
          type="button"
          className="ns-toggle nodrag"
          onClick={() => toggleNamespace(data.name, 'collapsed')}
          title="Collapse into one node (E when selected)"
          aria-label={`Collapse namespace ${data.name}`}
          data-testid={`ns.collapse.${data.name}`}
        >
          −
        </button>
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
