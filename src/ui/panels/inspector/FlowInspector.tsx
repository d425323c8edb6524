/**
 * A flow explained: per group of port classes, the verdict in words and, for each side, which
 * policies isolate that end and which rule allowed the flow, or why none did. Rendered from the
 * evaluator's Verdict records (and the core's sentences, under "As text").
 */
import { useMemo } from 'react';
import {
  formatPortSetShort,
  type DirectionVerdict,
  type EndpointInput,
  type HypotheticalPod,
  type ManifestFile,
  type NetworkPolicy,
  type PolicyMiss,
  type PortSet,
  type Verdict,
} from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { locateUnit, workloadMatrixOf } from '../matrix/workload-matrix.ts';
import { isExternalId, resolveExternalId } from './endpoints.ts';
import { classesLabel, explainFlow, halfOpenSide, type PortClassGroup } from './flow-explanation.ts';
import { FlowLink, NodeLink, PolicyLink, RuleLink } from './links.tsx';
import { describeRules } from './rule-words.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

interface FlowEnd {
  readonly id: string;
  /** What the evaluator is asked with (the id, one address of an external set, or another replica). */
  readonly input: EndpointInput | undefined;
  /** How prose names it. */
  readonly name: string;
  /** For external sets: the address used, to say so. */
  readonly address?: string;
}

/**
 * A workload facing itself: with several replicas that is one replica connecting to another,
 * which policy decides (the same pod would be loopback). The sender is asked as a twin pod.
 */
function anotherReplica(id: string, analysis: Analysis): FlowEnd | undefined {
  const w = analysis.model.workloads.find((x) => x.id === id);
  if (!w || w.replicas <= 1) return undefined;
  const pod = analysis.model.pods.find((p) => p.id === w.podIds[0]);
  const input: HypotheticalPod = { namespace: w.namespace, name: `${w.name}-another-replica`, labels: w.labels, ports: pod?.ports ?? w.ports };
  return { id, input, name: `another replica of ${id}` };
}

function flowEnd(id: string, analysis: Analysis): FlowEnd {
  if (!isExternalId(id)) return { id, input: id, name: id };
  const ext = resolveExternalId(id, workloadMatrixOf(analysis));
  return ext ? { id, input: ext.address, name: ext.label, address: ext.address } : { id, input: undefined, name: id };
}

/** The ports the matrix allows for the pair, when the matrix has both ends. */
function allowedPorts(analysis: Analysis, source: string, target: string): PortSet | undefined {
  if (isExternalId(source)) {
    const dst = locateUnit(analysis, target);
    const ext = dst ? resolveExternalId(source, dst.matrix) : undefined;
    const entry = dst && ext?.sourceIndex !== undefined ? dst.matrix.ingressFromExternal[ext.sourceIndex] : undefined;
    return dst ? entry?.connections(dst.index) : undefined;
  }
  if (isExternalId(target)) {
    const src = locateUnit(analysis, source);
    const ext = src ? resolveExternalId(target, src.matrix) : undefined;
    const entry = src && ext?.destinationIndex !== undefined ? src.matrix.egressToExternal[ext.destinationIndex] : undefined;
    return src ? entry?.connections(src.index) : undefined;
  }
  const src = locateUnit(analysis, source);
  const dst = locateUnit(analysis, target);
  if (!src || !dst || src.matrix !== dst.matrix) return undefined;
  return src.matrix.connections(src.index, dst.index);
}

interface Ctx {
  readonly policies: ReadonlyMap<string, NetworkPolicy>;
  readonly files: readonly ManifestFile[];
}

function Policy({ id, ctx }: { readonly id: string; readonly ctx: Ctx }) {
  return <PolicyLink id={id} policy={ctx.policies.get(id)} files={ctx.files} />;
}

function RuleWords({ policy, side, index }: { readonly policy: NetworkPolicy | undefined; readonly side: DirectionVerdict; readonly index?: number }) {
  const rules = policy ? describeRules(policy, side.direction) : undefined;
  if (!rules || rules.length === 0) return null;
  const shown = index === undefined ? rules : rules.filter((r) => r.index === index);
  return (
    <ul className="insp-rule-words">
      {shown.map((r) => (
        <li key={r.index}>
          <span className="muted">#{r.index + 1}:</span> {r.sentence}
        </li>
      ))}
    </ul>
  );
}

function Miss({ miss, side, other, destination, ctx }: { readonly miss: PolicyMiss; readonly side: DirectionVerdict; readonly other: string; readonly destination: string; readonly ctx: Ctx }) {
  const policy = ctx.policies.get(miss.policy);
  const dir = side.direction;
  const rule =
    miss.ruleIndex === undefined ? null : <RuleLink policy={policy} files={ctx.files} direction={dir} index={miss.ruleIndex} />;
  switch (miss.reason) {
    case 'no-rules':
      return (
        <li data-reason="no-rules">
          <Policy id={miss.policy} ctx={ctx} /> has no {dir} rules: it only isolates.
        </li>
      );
    case 'peer':
      return (
        <li data-reason="peer">
          <Policy id={miss.policy} ctx={ctx} />: no {dir} rule {dir === 'egress' ? 'goes to' : 'comes from'} {other}{' '}
          <span className="insp-reason">(peer mismatch: pods, namespace or addresses)</span>
          <RuleWords policy={policy} side={side} />
        </li>
      );
    case 'port':
      return (
        <li data-reason="port">
          <Policy id={miss.policy} ctx={ctx} /> {rule} matches {other}, but not on these ports{' '}
          <span className="insp-reason">(port or protocol mismatch)</span>
          <RuleWords policy={policy} side={side} {...(miss.ruleIndex !== undefined ? { index: miss.ruleIndex } : {})} />
        </li>
      );
    case 'named-port':
      return (
        <li data-reason="named-port">
          <Policy id={miss.policy} ctx={ctx} /> {rule} matches {other}, but names port “{miss.portName}”, which {destination} does not
          declare for this protocol <span className="insp-reason">(named-port mismatch)</span>
        </li>
      );
  }
}

function Side({ side, verdict, subject, other, destination, ctx }: { readonly side: DirectionVerdict; readonly verdict: Verdict; readonly subject: string; readonly other: string; readonly destination: string; readonly ctx: Ctx }) {
  const label = side.direction === 'egress' ? `Egress of ${subject} (sender)` : `Ingress of ${subject} (receiver)`;
  const state = !side.applies ? 'n/a' : !side.isolated ? 'open' : side.allowed ? 'allows' : 'denies';
  const stateWords: Record<string, string> = {
    'n/a': '— no policy applies',
    open: '✓ open (default allow)',
    allows: '✓ allows',
    denies: '✗ denies',
  };
  return (
    <div className={`insp-side insp-side-${state === 'denies' ? 'denied' : 'allowed'}`} data-testid={`inspector.side-${side.direction}`} data-allowed={String(side.allowed)}>
      <h4>
        {label}: <span className="insp-side-state">{stateWords[state]}</span>
      </h4>
      {verdict.loopback ? (
        <p>A pod connecting to itself is outside NetworkPolicy (loopback).</p>
      ) : !side.applies ? (
        <p>{subject} is outside the cluster: no policy applies on this side.</p>
      ) : !side.isolated ? (
        <p>
          No NetworkPolicy selects {subject} for {side.direction}, so every {side.direction === 'egress' ? 'destination' : 'source'} is allowed.
        </p>
      ) : (
        <>
          <p>
            Isolated by{' '}
            {side.isolatingPolicies.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <Policy id={id} ctx={ctx} />
              </span>
            ))}
          </p>
          {side.allowed ? (
            <ul className="insp-list">
              {side.allowedBy.map((r) => (
                <li key={`${r.policy}#${r.ruleIndex}`} data-reason="allowed-by">
                  Allowed by <Policy id={r.policy} ctx={ctx} /> <RuleLink policy={ctx.policies.get(r.policy)} files={ctx.files} direction={r.direction} index={r.ruleIndex} />
                  <RuleWords policy={ctx.policies.get(r.policy)} side={side} index={r.ruleIndex} />
                </li>
              ))}
            </ul>
          ) : (
            <>
              <p>No rule allows it:</p>
              <ul className="insp-list">
                {side.misses.map((m) => (
                  <Miss key={`${m.policy}#${m.reason}#${m.ruleIndex ?? ''}`} miss={m} side={side} other={other} destination={destination} ctx={ctx} />
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

function Group({ group, source, target, ctx, only }: { readonly group: PortClassGroup; readonly source: FlowEnd; readonly target: FlowEnd; readonly ctx: Ctx; readonly only: boolean }) {
  const v = group.verdict;
  const ports = only ? 'every port' : classesLabel(group.classes);
  const half = halfOpenSide(v);
  return (
    <section className={`insp-group insp-group-${group.status}`} data-testid="inspector.flow-group" data-status={group.status} data-ports={ports}>
      <h3>
        <VerdictBadge status={group.status} /> <span className="insp-on">on</span> <span className="insp-ports">{ports}</span>
      </h3>
      {half ? (
        <p className="insp-half-open" data-testid="inspector.half-open">
          Half-open:{' '}
          {half === 'ingress'
            ? `${target.name}'s ingress allows it; ${source.name}'s egress denies it.`
            : `${source.name}'s egress allows it; ${target.name}'s ingress denies it.`}
        </p>
      ) : null}
      <Side side={v.egress} verdict={v} subject={source.name} other={target.name} destination={target.name} ctx={ctx} />
      <Side side={v.ingress} verdict={v} subject={target.name} other={source.name} destination={target.name} ctx={ctx} />
      <details className="insp-as-text">
        <summary>As text</summary>
        <ul data-testid="inspector.flow-text">
          {group.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

export function FlowInspector({ analysis, source, target }: { readonly analysis: Analysis; readonly source: string; readonly target: string }) {
  const view = useMemo(() => {
    const from = (source === target ? anotherReplica(source, analysis) : undefined) ?? flowEnd(source, analysis);
    const to = flowEnd(target, analysis);
    if (from.input === undefined || to.input === undefined) return { from, to, groups: undefined, error: 'unknown' };
    try {
      const groups = explainFlow(analysis.evaluator, from.input, to.input, analysis.matrix.portClasses);
      return { from, to, groups, allowed: allowedPorts(analysis, source, target), error: undefined };
    } catch (e) {
      return { from, to, groups: undefined, error: e instanceof Error ? e.message : String(e) };
    }
  }, [analysis, source, target]);
  const ctx = useMemo<Ctx>(
    () => ({ policies: new Map(analysis.model.policies.map((p) => [`${p.namespace}/${p.name}`, p])), files: analysis.files }),
    [analysis],
  );
  const { from, to, groups } = view;
  const endLink = (end: FlowEnd) => <NodeLink id={end.id} label={end.name} />;
  return (
    <div className="insp-flow">
      <p className="insp-kind">Flow</p>
      <h2 className="insp-title" data-testid="inspector.title">
        {endLink(from)} <span aria-label="to">→</span> {endLink(to)}
      </h2>
      <p className="insp-actions">
        <FlowLink source={target} target={source}>
          ⇄ Reverse direction
        </FlowLink>
      </p>
      {[from, to]
        .filter((e) => e.address !== undefined)
        .map((e) => (
          <p key={e.id} className="insp-note" data-testid="inspector.address-note">
            {e.name} is asked as {e.address}: every address of this set is treated alike.
          </p>
        ))}
      {!groups ? (
        <p className="insp-note">
          {view.error === 'unknown' ? 'One end of this flow is no longer in the YAML.' : `Cannot explain this flow: ${view.error}`}
        </p>
      ) : (
        <>
          <p className="insp-summary" data-testid="inspector.allowed-ports">
            Allowed on:{' '}
            <strong>
              {view.allowed
                ? formatPortSetShort(view.allowed) === 'none'
                  ? 'nothing (every port is denied)'
                  : formatPortSetShort(view.allowed)
                : groups.some((g) => g.status === 'allowed')
                  ? groups.filter((g) => g.status === 'allowed').map((g) => classesLabel(g.classes)).join(', ')
                  : 'nothing (every port is denied)'}
            </strong>
          </p>
          <p className="muted insp-hint">A connection needs the sender's egress AND the receiver's ingress to allow it.</p>
          {groups.map((g) => (
            <Group key={g.key} group={g} source={from} target={to} ctx={ctx} only={groups.length === 1} />
          ))}
        </>
      )}
    </div>
  );
}
