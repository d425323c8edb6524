/** The inspector with nothing selected: how to use it, the policies, and the flow counts. */
import type { Analysis } from '../../analysis.ts';
import { useProgressiveCount } from '../../shell/progressive.ts';
import { appStore } from '../../store/index.ts';

export function Overview({ analysis }: { readonly analysis: Analysis }) {
  // Counted once with the analysis (in the worker for large inputs).
  const counts = analysis.workloadFlows;
  const { policies, workloads } = analysis.model;
  // Thousands of policies in a large cluster: listed a part at a time (shell/progressive.ts).
  const policiesShown = useProgressiveCount(policies);
  const select = (id: string) => () => appStore.getState().select({ kind: 'policy', id });
  return (
    <>
      <h2 className="insp-title">Inspector</h2>
      <p className="insp-howto">
        Click a node or a flow on the canvas (or a cell of the Matrix) to see why traffic is allowed or denied. Click a
        policy below to see what it selects and allows.
      </p>
      <section className="insp-section" data-testid="inspector.counts">
        <h3>
          Flows between {workloads.length} workloads ({counts.pairs} ordered pairs)
        </h3>
        <ul className="insp-counts">
          <li className="insp-count-allowed" data-testid="inspector.count-allowed">
            <span aria-hidden="true">✓</span> <strong>{counts.allowed}</strong> allowed on at least one port
          </li>
          <li className="insp-count-denied" data-testid="inspector.count-denied">
            <span aria-hidden="true">✗</span> <strong>{counts.denied}</strong> denied on every port
          </li>
          <li className="insp-count-half-open" data-testid="inspector.count-half-open">
            <span aria-hidden="true">◐</span> <strong>{counts.halfOpen}</strong> half-open: one side allows, the other denies
          </li>
        </ul>
      </section>
      <section className="insp-section" data-testid="inspector.policies">
        <h3>Policies ({policies.length})</h3>
        {policies.length === 0 ? (
          <p className="muted">No NetworkPolicy yet: every pod may reach every pod (default allow).</p>
        ) : (
          <ul className="insp-peers">
            {policies.slice(0, policiesShown).map((p) => {
              const id = `${p.namespace}/${p.name}`;
              return (
                <li key={id}>
                  <button type="button" className="link" data-testid="inspector.policy-item" data-policy={id} onClick={select(id)}>
                    {id}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
