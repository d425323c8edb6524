/**
 * Pods and workloads from Pod and workload manifests.
 * - A declared pod belongs to its controller owner (the ownerReference with `controller: true`)
 *   when the owner's kind is a workload kind; owned by a Node, by another kind or by nobody, it
 *   is its own workload (kind Pod). A controller owner without a kind gives a workload named
 *   after the owner, of kind Pod (as netpol-analyzer does).
 * - Pods owned by a workload manifest in the input attach to it; replicas = their number.
 * - A workload manifest without pods gets one pod standing for its template (`fromTemplate`).
 */
import type { PodManifest, WorkloadManifest } from './build-input.ts';
import { allocateId, IdAllocator } from './build-ids.ts';
import { WORKLOAD_KINDS, type Pod, type Workload, type WorkloadKind } from './types.ts';

interface Unit {
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  manifest?: WorkloadManifest;
  readonly pods: PodManifest[];
  /** A standalone pod: the pod is its own workload. */
  readonly self: boolean;
}

function ownerOf(pod: PodManifest): { kind: WorkloadKind; name: string } | undefined {
  const owner = pod.ownerReferences?.find((o) => o.controller === true);
  if (!owner || owner.kind === 'Node') return undefined;
  if (!owner.kind) return { kind: 'Pod', name: owner.name };
  if ((WORKLOAD_KINDS as readonly string[]).includes(owner.kind)) return { kind: owner.kind as WorkloadKind, name: owner.name };
  return undefined;
}

/** Units (future workloads) in order of first appearance. */
function collectUnits(items: readonly (PodManifest | WorkloadManifest)[]): Unit[] {
  const units: Unit[] = [];
  const byKey = new Map<string, Unit>();
  const unitFor = (kind: WorkloadKind, namespace: string, name: string): Unit => {
    const key = `${namespace}\u0000${kind}\u0000${name}`;
    let unit = byKey.get(key);
    if (!unit) {
      unit = { kind, namespace, name, pods: [], self: false };
      byKey.set(key, unit);
      units.push(unit);
    }
    return unit;
  };
  for (const item of items) {
    if (item.kind !== 'Pod') {
      unitFor(item.kind, item.namespace, item.name).manifest = item;
      continue;
    }
    const owner = ownerOf(item);
    if (owner) unitFor(owner.kind, item.namespace, owner.name).pods.push(item);
    else units.push({ kind: 'Pod', namespace: item.namespace, name: item.name, pods: [item], self: true });
  }
  return units;
}

function declaredPod(p: PodManifest, id: string, workloadId: string): Pod {
  const pod: { -readonly [K in keyof Pod]: Pod[K] } = {
    id,
    namespace: p.namespace,
    name: p.name,
    labels: p.labels,
    ports: p.ports,
    ips: p.ips,
    workloadId,
  };
  if (p.ownerReferences) pod.ownerReferences = p.ownerReferences;
  if (p.source) pod.source = p.source;
  return pod;
}

export function buildWorkloads(items: readonly (PodManifest | WorkloadManifest)[]): { pods: Pod[]; workloads: Workload[] } {
  const podIds = new IdAllocator();
  const workloadIds = new IdAllocator();
  const pods: Pod[] = [];
  const workloads: Workload[] = [];
  for (const unit of collectUnits(items)) {
    const base = `${unit.namespace}/${unit.name}`;
    const first = unit.pods[0];
    const claimsPodId = unit.self || unit.pods.length === 0;
    const id = allocateId(base, unit.kind, claimsPodId ? [workloadIds, podIds] : [workloadIds]);
    const unitPods: Pod[] = [];
    if (unit.self && first) {
      unitPods.push(declaredPod(first, id, id));
    } else {
      for (const p of unit.pods) unitPods.push(declaredPod(p, allocateId(`${p.namespace}/${p.name}`, 'Pod', [podIds]), id));
    }
    const m = unit.manifest;
    if (unitPods.length === 0 && m) {
      const pod: { -readonly [K in keyof Pod]: Pod[K] } = {
        id,
        namespace: m.namespace,
        name: m.name,
        labels: m.labels,
        ports: m.ports,
        ips: [],
        workloadId: id,
        fromTemplate: true,
      };
      if (m.source) pod.source = m.source;
      unitPods.push(pod);
    }
    const source = m?.source ?? first?.source;
    const workload: { -readonly [K in keyof Workload]: Workload[K] } = {
      id,
      kind: m?.kind ?? unit.kind,
      namespace: unit.namespace,
      name: unit.name,
      labels: m?.labels ?? first?.labels ?? {},
      ports: m?.ports ?? first?.ports ?? [],
      replicas: unit.pods.length > 0 ? unit.pods.length : (m?.replicas ?? 1),
      podIds: unitPods.map((p) => p.id).sort(),
    };
    if (source) workload.source = source;
    workloads.push(workload);
    pods.push(...unitPods);
  }
  return { pods, workloads };
}
