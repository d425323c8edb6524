/**
 * A policy explained: what it selects, its effective policyTypes, each rule in words, and the
 * flows its rules admit (from the evaluator's allowedBy records).
 */
import { useMemo } from 'react';
import type { Direction, NetworkPolicy } from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { sharedNamespaceOf, workloadMatrixOf } from '../matrix/workload-matrix.ts';
import { displayName, isExternalId, labelOfExternalId } from './endpoints.ts';
import { FlowLink, NodeLink, PolicyLink, RuleLink } from './links.tsx';
import { flowsAdmittedByPolicy } from './peers.ts';
import { describePodSelector, describePolicyTypes, describeRules } from './rule-words.ts';

const MAX_FLOWS_SHOWN = 200;

function Rules({ policy, direction, analysis }: { readonly policy: NetworkPolicy; readonly direction: Direction; readonly analysis: Analysis }) {
  const rules = describeRules(policy, direction);
  if (rules === undefined) return null;
  const title = direction === 'ingress' ? 'Ingress rules' : 'Egress rules';
  return (
    <section className="insp-section" data-testid={`inspector.rules-${direction}`}>
      <h3>
        {title} ({rules.length})
      </h3>
      {rules.length === 0 ? (
        <p className="insp-note">
          No {direction} rules: the selected pods are isolated for {direction} and this policy allows nothing
          {direction === 'ingress' ? ' in' : ' out'}.
        </p>
      ) : (
        <ol className="insp-rules">
          {rules.map((r) => (
            <li key={r.index} data-testid="inspector.rule">
              <RuleLink policy={policy} files={analysis.files} direction={direction} index={r.index} />
              <span className="insp-rule-sentence">{r.sentence}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function PolicyInspector({ analysis, id }: { readonly analysis: Analysis; readonly id: string }) {
  const policy = analysis.model.policies.find((p) => `${p.namespace}/${p.name}` === id);
  const matrix = workloadMatrixOf(analysis);
  const selected = useMemo(() => {
    const compiled = analysis.evaluator.policies.find((p) => p.id === id);
    if (!compiled) return [];
    return analysis.model.workloads.filter((w) => {
      const end = analysis.evaluator.resolve(w.id);
      return end?.kind === 'pod' && end.namespace === compiled.namespace && compiled.selects(end.labels);
    });
  }, [analysis, id]);
  const flows = useMemo(() => flowsAdmittedByPolicy(analysis.evaluator, matrix, id), [analysis, matrix, id]);
  if (!policy) return <p className="insp-note">“{id}” is no longer in the YAML.</p>;
  const types = describePolicyTypes(policy);
  const shared = sharedNamespaceOf(matrix);
  const name = (x: string) => (isExternalId(x) ? labelOfExternalId(x) : displayName(x, shared));
  const ports = (classes: readonly string[]) => (classes.length === matrix.portClasses.length ? 'every port' : classes.join(', '));
  const through = flows.filter((f) => f.allowed).length;
  return (
    <>
      <p className="insp-kind">NetworkPolicy</p>
      <h2 className="insp-title" data-testid="inspector.title">
        <PolicyLink id={id} policy={policy} files={analysis.files} showSelect={false} />
      </h2>
      <dl className="insp-fields">
        <dt>Namespace</dt>
        <dd>
          <NodeLink id={`ns:${policy.namespace}`} label={policy.namespace} />
        </dd>
        <dt>Types</dt>
        <dd data-testid="inspector.policy-types">
          {types.types.join(' + ')}
          {types.defaulted ? <span className="insp-note-inline"> (defaulted) </span> : null}
          {types.note ? <div className="muted small">{types.note}</div> : null}
        </dd>
        <dt>Applies to</dt>
        <dd>
          {describePodSelector(policy)}
          <div data-testid="inspector.selected-pods">
            {selected.length === 0 ? (
              <span className="muted">no workload in the YAML matches</span>
            ) : (
              selected.map((w, i) => (
                <span key={w.id}>
                  {i > 0 ? ', ' : ''}
                  <NodeLink id={w.id} label={name(w.id)} />
                </span>
              ))
            )}
          </div>
        </dd>
      </dl>
      <Rules policy={policy} direction="ingress" analysis={analysis} />
      <Rules policy={policy} direction="egress" analysis={analysis} />
      <section className="insp-section" data-testid="inspector.policy-flows">
        <h3>Flows its rules admit ({flows.length})</h3>
        {flows.length > 0 ? (
          <p className="muted small">
            {through === flows.length
              ? 'All of them get through: the other side allows them too.'
              : `${through} of them get through; the other ${flows.length - through} are refused by the other side (half-open).`}
          </p>
        ) : null}
        {flows.length === 0 ? (
          <p className="muted">None{types.types.length > 0 ? ': it only isolates the pods it selects.' : '.'}</p>
        ) : (
          <ul className="insp-peers">
            {flows.slice(0, MAX_FLOWS_SHOWN).map((f) => (
              <li key={`${f.source}->${f.target}`} data-allowed={String(f.allowed)}>
                <span aria-hidden="true">{f.allowed ? '✓' : '◐'}</span>{' '}
                <FlowLink source={f.source} target={f.target}>
                  {name(f.source)} → {name(f.target)}
                </FlowLink>{' '}
                <span className="insp-ports-small">{ports(f.classes)}</span>
                {f.allowed ? null : <span className="insp-reason"> refused by the other side</span>}
              </li>
            ))}
          </ul>
        )}
        {flows.length > MAX_FLOWS_SHOWN ? <p className="muted">… and {flows.length - MAX_FLOWS_SHOWN} more.</p> : null}
      </section>
    </>
  );
}
