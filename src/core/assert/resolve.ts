/**
 * Endpoints of a flow resolved against a model: `ns/name` is a pod or workload of that name in
 * the namespace, a bare `name` must be unique across the cluster, `[Kind]` narrows to one kind.
 * A workload stands for all its pods; a pod named like its own workload is that workload. An
 * address that is a pod's IP (status.podIP) is that pod; any other address is outside the cluster.
 */
import type { ClusterModel, Pod, Workload } from '../model/types.ts';
import { parseIp } from '../model/ipset.ts';
import { suggestName } from '../parse/suggest.ts';
import type { FlowEndpoint, ResolvedFlowEndpoint } from './types.ts';
import { formatFlowEndpoint } from './format.ts';

export interface EndpointIndex {
  readonly pods: ReadonlyMap<string, Pod>;
  readonly workloads: ReadonlyMap<string, Workload>;
  /** Pods and workloads by name. */
  readonly byName: ReadonlyMap<string, readonly Candidate[]>;
  /** Canonical address text → pod. */
  readonly byIp: ReadonlyMap<string, Pod>;
}

type Candidate = { readonly kind: 'pod'; readonly pod: Pod } | { readonly kind: 'workload'; readonly workload: Workload };

export interface ResolveError {
  readonly code: 'flows/unknown-endpoint' | 'flows/ambiguous-endpoint' | 'flows/bad-endpoint';
  readonly message: string;
}

function canonicalIp(text: string): string | undefined {
  const ip = parseIp(text);
  return ip ? `${ip.family}:${ip.value.toString(16)}` : undefined;
}

export function indexEndpoints(model: ClusterModel): EndpointIndex {
  const byName = new Map<string, Candidate[]>();
  const add = (name: string, c: Candidate) => {
    const list = byName.get(name) ?? [];
    list.push(c);
    byName.set(name, list);
  };
  for (const workload of model.workloads) add(workload.name, { kind: 'workload', workload });
  // A pod standing for a workload's template is that workload, by the workload's name and kind.
  for (const pod of model.pods) if (pod.fromTemplate !== true) add(pod.name, { kind: 'pod', pod });
  const byIp = new Map<string, Pod>();
  for (const pod of model.pods) {
    for (const ip of pod.ips) {
      const key = canonicalIp(ip);
      if (key !== undefined && !byIp.has(key)) byIp.set(key, pod);
    }
  }
  return {
    pods: new Map(model.pods.map((p) => [p.id, p])),
    workloads: new Map(model.workloads.map((w) => [w.id, w])),
    byName,
    byIp,
  };
}

function kindOfCandidate(c: Candidate): string {
  return c.kind === 'pod' ? 'Pod' : c.workload.kind;
}

function namespaceOf(c: Candidate): string {
  return c.kind === 'pod' ? c.pod.namespace : c.workload.namespace;
}

function targetOf(c: Candidate): ResolvedFlowEndpoint {
  return c.kind === 'pod'
    ? { kind: 'pod', id: c.pod.id, workloadId: c.pod.workloadId }
    : { kind: 'workload', id: c.workload.id, podIds: c.workload.podIds };
}

/** A pod whose workload also matched is that workload (a template pod, a standalone Pod). */
function keepTargets(candidates: readonly Candidate[]): Candidate[] {
  const workloadIds = new Set(candidates.flatMap((c) => (c.kind === 'workload' ? [c.workload.id] : [])));
  return candidates.filter((c) => c.kind === 'workload' || !workloadIds.has(c.pod.workloadId));
}

function describe(c: Candidate): string {
  return `${c.kind === 'pod' ? c.pod.id : c.workload.id} (${kindOfCandidate(c)})`;
}

function allNames(index: EndpointIndex, namespace: string | undefined): string[] {
  const names = new Set<string>();
  for (const [name, list] of index.byName) {
    for (const c of list) {
      if (namespace === undefined) names.add(name);
      if (namespace === undefined || namespaceOf(c) === namespace) names.add(`${namespaceOf(c)}/${name}`);
    }
  }
  return [...names].sort();
}

/** The name the user probably meant: the same name elsewhere (another namespace or kind), else the nearest. */
function guessFor(end: Extract<FlowEndpoint, { kind: 'name' }>, index: EndpointIndex): string | undefined {
  const sameName = index.byName.get(end.name)?.[0];
  if (sameName) return `${namespaceOf(sameName)}/${end.name}`;
  const typed = end.namespace === undefined ? end.name : `${end.namespace}/${end.name}`;
  return suggestName(typed, allNames(index, end.namespace)) ?? (end.namespace === undefined ? undefined : suggestName(typed, allNames(index, undefined)));
}

function unknown(end: Extract<FlowEndpoint, { kind: 'name' }>, index: EndpointIndex): ResolveError {
  const guess = guessFor(end, index);
  const where = end.namespace === undefined ? 'in any namespace' : `in namespace "${end.namespace}"`;
  const what = end.qualifier ?? 'pod or workload';
  return {
    code: 'flows/unknown-endpoint',
    message: `unknown endpoint "${formatFlowEndpoint(end)}": no ${what} named "${end.name}" ${where}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
  };
}

/** What to write instead of an ambiguous name, one per target. */
function disambiguations(name: string, targets: readonly Candidate[]): string[] {
  const perNamespace = new Map<string, number>();
  for (const c of targets) perNamespace.set(namespaceOf(c), (perNamespace.get(namespaceOf(c)) ?? 0) + 1);
  return targets.map((c) => {
    const ns = namespaceOf(c);
    return (perNamespace.get(ns) ?? 0) > 1 ? `${ns}/${name}[${kindOfCandidate(c)}]` : `${ns}/${name}`;
  });
}

export function resolveFlowEndpoint(end: FlowEndpoint, index: EndpointIndex): ResolvedFlowEndpoint | ResolveError {
  if (end.kind === 'ip') {
    const key = canonicalIp(end.ip);
    const pod = key === undefined ? undefined : index.byIp.get(key);
    return pod ? { kind: 'pod', id: pod.id, workloadId: pod.workloadId } : { kind: 'ip', ip: end.ip };
  }
  const candidates = (index.byName.get(end.name) ?? []).filter(
    (c) => (end.namespace === undefined || namespaceOf(c) === end.namespace) && (end.qualifier === undefined || kindOfCandidate(c) === end.qualifier),
  );
  if (candidates.length === 0) return unknown(end, index);
  const targets = keepTargets(candidates);
  const [only] = targets;
  if (targets.length === 1 && only) return targetOf(only);
  const options = disambiguations(end.name, targets);
  return {
    code: 'flows/ambiguous-endpoint',
    message: `"${formatFlowEndpoint(end)}" is ambiguous: it names ${targets.map(describe).join(', ')}. Write ${options.map((o) => `\`${o}\``).join(' or ')}.`,
  };
}
