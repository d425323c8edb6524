/**
 * A node explained: a workload or pod (labels, ports, pods, the policies that select it per
 * direction, who may reach it and whom it may reach), a namespace, or an external address set.
 */
import { useMemo, type ReactNode } from 'react';
import {
  formatPortSetShort,
  isEmptyPorts,
  type Direction,
  type Labels,
  type ManifestFile,
  type NetworkPolicy,
  type Pod,
  type Workload,
} from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { locateUnit, sharedNamespaceOf, workloadMatrixOf } from '../matrix/workload-matrix.ts';
import { displayName, isExternalId, labelOfExternalId, NAMESPACE_PREFIX, resolveNodeId, type ExternalEnd, type NodeRef } from './endpoints.ts';
import { EditableLabels } from './EditableLabels.tsx';
import { FlowLink, NodeLink, PolicyLink } from './links.tsx';
import { peersOfUnit, type PeerPorts } from './peers.ts';

interface Ctx {
  readonly analysis: Analysis;
  readonly policies: ReadonlyMap<string, NetworkPolicy>;
  readonly files: readonly ManifestFile[];
  readonly shared: string | undefined;
}

export function LabelChips({ labels }: { readonly labels: Labels }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="muted">no labels</span>;
  return (
    <span className="insp-chips" data-testid="inspector.labels">
      {entries.map(([k, v]) => (
        <span key={k} className="chip" title={`${k}=${v}`}>
          {k}={v}
        </span>
      ))}
    </span>
  );
}

function Field({ name, children }: { readonly name: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function SelectingPolicies({ id, ctx }: { readonly id: string; readonly ctx: Ctx }) {
  const byDirection = useMemo(() => {
    const end = ctx.analysis.evaluator.resolve(id);
    if (end?.kind !== 'pod') return undefined;
    const of = (d: Direction) => ctx.analysis.evaluator.selectingPolicies(end, d).map((p) => p.id);
    return { ingress: of('ingress'), egress: of('egress') };
  }, [ctx.analysis, id]);
  if (!byDirection) return null;
  return (
    <section className="insp-section" data-testid="inspector.selecting">
      <h3>Policies that select it</h3>
      {(['ingress', 'egress'] as const).map((d) => (
        <p key={d} className="insp-direction" data-direction={d}>
          <span className="insp-direction-name">{d === 'ingress' ? 'Ingress' : 'Egress'}:</span>{' '}
          {byDirection[d].length === 0 ? (
            <span>
              none: <strong>default allow</strong> ({d === 'ingress' ? 'every source may connect' : 'it may connect anywhere'})
            </span>
          ) : (
            byDirection[d].map((p, i) => (
              <span key={p}>
                {i > 0 ? ', ' : ''}
                <PolicyLink id={p} policy={ctx.policies.get(p)} files={ctx.files} />
              </span>
            ))
          )}
        </p>
      ))}
    </section>
  );
}

function PeerList({ self, peers, inbound, shared }: { readonly self: string; readonly peers: readonly PeerPorts[]; readonly inbound: boolean; readonly shared: string | undefined }) {
  return (
    <ul className="insp-peers">
      {peers.map((p) => (
        <li key={p.id}>
          <FlowLink source={inbound ? p.id : self} target={inbound ? self : p.id}>
            {isExternalId(p.id) ? labelOfExternalId(p.id) : displayName(p.id, shared)}
          </FlowLink>{' '}
          <span className="insp-ports-small">{formatPortSetShort(p.ports)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Half-open pairs, folded: one side allows them, the other refuses. */
function HalfOpen({ self, peers, inbound, shared }: { readonly self: string; readonly peers: readonly PeerPorts[]; readonly inbound: boolean; readonly shared: string | undefined }) {
  if (peers.length === 0) return null;
  return (
    <details className="insp-half-open-peers" data-testid={inbound ? 'inspector.half-open-in' : 'inspector.half-open-out'}>
      <summary>
        <span aria-hidden="true">◐</span> {peers.length} half-open {inbound ? 'towards it' : 'from it'}: one side allows, the other refuses
      </summary>
      <PeerList self={self} peers={peers} inbound={inbound} shared={shared} />
    </details>
  );
}

function Peers({ id, ctx }: { readonly id: string; readonly ctx: Ctx }) {
  const located = useMemo(() => locateUnit(ctx.analysis, id), [ctx.analysis, id]);
  const peers = useMemo(() => (located ? peersOfUnit(located.matrix, located.index) : undefined), [located]);
  if (!peers || !located) return null;
  const kind = located.matrix.granularity === 'pod' ? 'pods' : 'workloads';
  const inbound = [...peers.inbound, ...peers.externalInbound];
  const outbound = [...peers.outbound, ...peers.externalOutbound];
  return (
    <section className="insp-section" data-testid="inspector.peers">
      <h3>Who may reach it ({inbound.length})</h3>
      {inbound.length === 0 ? <p className="muted">Nobody may open a connection to it.</p> : <PeerList self={id} peers={inbound} inbound shared={ctx.shared} />}
      {peers.deniedInbound > 0 ? (
        <p className="insp-denied-count" data-testid="inspector.denied-in">
          ✗ {peers.deniedInbound} other {kind} may not connect to it on any port.
        </p>
      ) : null}
      <HalfOpen self={id} peers={peers.halfOpenInbound} inbound shared={ctx.shared} />
      <h3>Whom it may reach ({outbound.length})</h3>
      {outbound.length === 0 ? <p className="muted">It may not open any connection.</p> : <PeerList self={id} peers={outbound} inbound={false} shared={ctx.shared} />}
      {peers.deniedOutbound > 0 ? (
        <p className="insp-denied-count" data-testid="inspector.denied-out">
          ✗ It may not connect to {peers.deniedOutbound} other {kind} on any port.
        </p>
      ) : null}
      <HalfOpen self={id} peers={peers.halfOpenOutbound} inbound={false} shared={ctx.shared} />
    </section>
  );
}

function PortsText({ ports }: { readonly ports: Workload['ports'] }) {
  if (ports.length === 0) return <span className="muted">none declared</span>;
  return <>{ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.protocol} ${p.containerPort}`).join(', ')}</>;
}

function PodsList({ pods }: { readonly pods: readonly Pod[] }) {
  return (
    <ul className="insp-pods">
      {pods.map((p) => (
        <li key={p.id}>
          {p.name} <span className="muted">{p.ips.length > 0 ? p.ips.join(', ') : 'no IP known'}</span>
        </li>
      ))}
    </ul>
  );
}

function InferredNote() {
  return (
    <p className="insp-note">
      Inferred: no workload in the YAML has these labels; this stands for the pods the policies' selectors name.
    </p>
  );
}

function WorkloadView({ node, ctx }: { readonly node: Extract<NodeRef, { kind: 'workload' }>; readonly ctx: Ctx }) {
  const w = node.workload;
  return (
    <>
      <p className="insp-kind">{w.kind}</p>
      <h2 className="insp-title" data-testid="inspector.title">
        {w.name}
      </h2>
      {w.inferred ? <InferredNote /> : null}
      <dl className="insp-fields">
        <Field name="Namespace">
          <NodeLink id={`${NAMESPACE_PREFIX}${w.namespace}`} label={w.namespace} />
        </Field>
        <Field name="Labels">
          <EditableLabels subject={{ kind: 'workload', id: w.id }} labels={w.labels} model={ctx.analysis.model} />
        </Field>
        <Field name="Ports">
          <PortsText ports={w.ports} />
        </Field>
        <Field name="Replicas">{w.replicas}</Field>
        <Field name={node.pods.length === 1 ? 'Pod' : `Pods (${node.pods.length})`}>
          <PodsList pods={node.pods} />
        </Field>
      </dl>
      <SelectingPolicies id={w.id} ctx={ctx} />
      <Peers id={w.id} ctx={ctx} />
    </>
  );
}

function PodView({ node, ctx }: { readonly node: Extract<NodeRef, { kind: 'pod' }>; readonly ctx: Ctx }) {
  const p = node.pod;
  return (
    <>
      <p className="insp-kind">Pod</p>
      <h2 className="insp-title" data-testid="inspector.title">
        {p.name}
      </h2>
      {p.inferred ? <InferredNote /> : null}
      <dl className="insp-fields">
        <Field name="Namespace">
          <NodeLink id={`${NAMESPACE_PREFIX}${p.namespace}`} label={p.namespace} />
        </Field>
        {node.workload && node.workload.id !== p.id ? (
          <Field name="Workload">
            <NodeLink id={node.workload.id} label={`${node.workload.kind} ${node.workload.name}`} />
          </Field>
        ) : null}
        <Field name="Labels">
          <EditableLabels subject={{ kind: 'pod', id: p.id }} labels={p.labels} model={ctx.analysis.model} />
        </Field>
        <Field name="Ports">
          <PortsText ports={p.ports} />
        </Field>
        <Field name="Pod IPs">{p.ips.length > 0 ? p.ips.join(', ') : <span className="muted">none known</span>}</Field>
      </dl>
      <SelectingPolicies id={p.id} ctx={ctx} />
      <Peers id={p.id} ctx={ctx} />
    </>
  );
}

function NamespaceView({ node, ctx }: { readonly node: Extract<NodeRef, { kind: 'namespace' }>; readonly ctx: Ctx }) {
  const { model } = ctx.analysis;
  const workloads = model.workloads.filter((w) => w.namespace === node.name);
  const policies = model.policies.filter((p) => p.namespace === node.name);
  return (
    <>
      <p className="insp-kind">Namespace</p>
      <h2 className="insp-title" data-testid="inspector.title">
        {node.name}
      </h2>
      {node.namespace && !node.namespace.declared ? (
        <p className="insp-note">Not declared in the YAML: only referenced, so it carries only its name label.</p>
      ) : null}
      <dl className="insp-fields">
        <Field name="Labels">
          <EditableLabels
            subject={{ kind: 'namespace', name: node.name }}
            labels={node.namespace?.labels ?? { 'kubernetes.io/metadata.name': node.name }}
            model={ctx.analysis.model}
          />
        </Field>
      </dl>
      <section className="insp-section">
        <h3>Workloads ({workloads.length})</h3>
        <ul className="insp-peers">
          {workloads.map((w) => (
            <li key={w.id}>
              <NodeLink id={w.id} label={w.name} /> <span className="muted">{w.kind}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="insp-section">
        <h3>Policies in it ({policies.length})</h3>
        {policies.length === 0 ? (
          <p className="muted">None: every pod in {node.name} is open both ways (default allow).</p>
        ) : (
          <ul className="insp-peers">
            {policies.map((p) => {
              const id = `${p.namespace}/${p.name}`;
              return (
                <li key={id}>
                  <PolicyLink id={id} policy={p} files={ctx.files} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

function ExternalView({ node, ctx }: { readonly node: Extract<NodeRef, { kind: 'external' }>; readonly ctx: Ctx }) {
  const ext: ExternalEnd = node.external;
  const matrix = workloadMatrixOf(ctx.analysis);
  const lists = useMemo(() => {
    const reach = (connections: ((i: number) => ReturnType<typeof matrix.connections>) | undefined) =>
      connections
        ? matrix.units
            .map((u, i) => ({ id: u.id, ports: connections(i) }))
            .filter((p) => !isEmptyPorts(p.ports))
        : undefined;
    const asSource = ext.sourceIndex === undefined ? undefined : matrix.ingressFromExternal[ext.sourceIndex];
    const asDestination = ext.destinationIndex === undefined ? undefined : matrix.egressToExternal[ext.destinationIndex];
    return {
      reaches: reach(asSource ? (i) => asSource.connections(i) : undefined),
      reachedBy: reach(asDestination ? (i) => asDestination.connections(i) : undefined),
    };
  }, [matrix, ext]);
  const id = node.id;
  return (
    <>
      <p className="insp-kind">Addresses outside the cluster</p>
      <h2 className="insp-title" data-testid="inspector.title">
        {ext.label}
      </h2>
      <p className="insp-note">
        Every address in this set is treated alike by the policies; flows are asked with {ext.address}.
      </p>
      <section className="insp-section">
        <h3>Workloads it may reach{lists.reaches ? ` (${lists.reaches.length})` : ''}</h3>
        {lists.reaches === undefined ? (
          <p className="muted">Not a source range of the matrix.</p>
        ) : lists.reaches.length === 0 ? (
          <p className="muted">None: every workload's ingress refuses it.</p>
        ) : (
          <PeerList self={id} peers={lists.reaches} inbound={false} shared={ctx.shared} />
        )}
        <h3>Workloads that may reach it{lists.reachedBy ? ` (${lists.reachedBy.length})` : ''}</h3>
        {lists.reachedBy === undefined ? (
          <p className="muted">Not a destination range of the matrix.</p>
        ) : lists.reachedBy.length === 0 ? (
          <p className="muted">None: every workload's egress refuses it.</p>
        ) : (
          <PeerList self={id} peers={lists.reachedBy} inbound shared={ctx.shared} />
        )}
      </section>
    </>
  );
}

export function NodeInspector({ analysis, id }: { readonly analysis: Analysis; readonly id: string }) {
  const ctx = useMemo<Ctx>(
    () => ({
      analysis,
      policies: new Map(analysis.model.policies.map((p) => [`${p.namespace}/${p.name}`, p])),
      files: analysis.files,
      shared: sharedNamespaceOf(workloadMatrixOf(analysis)),
    }),
    [analysis],
  );
  const node = useMemo(() => resolveNodeId(id, analysis.model, workloadMatrixOf(analysis)), [analysis, id]);
  if (!node) return <p className="insp-note">“{id}” is no longer in the YAML.</p>;
  switch (node.kind) {
    case 'workload':
      return <WorkloadView node={node} ctx={ctx} />;
    case 'pod':
      return <PodView node={node} ctx={ctx} />;
    case 'namespace':
      return <NamespaceView node={node} ctx={ctx} />;
    case 'external':
      return <ExternalView node={node} ctx={ctx} />;
  }
}

