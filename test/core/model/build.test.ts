/**
 * buildModel: namespaces, pods and workloads from typed manifests; owner grouping as
 * netpol-analyzer does it; ids, clashes and a deterministic order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManifestResource, PodManifest, WorkloadManifest } from '../../../src/core/model/build-input.ts';
import { buildModel } from '../../../src/core/model/build.ts';
import type { NetworkPolicy, OwnerReference } from '../../../src/core/model/types.ts';

const pod = (name: string, extra: Partial<PodManifest> = {}): PodManifest => ({
  kind: 'Pod',
  name,
  namespace: 'ns',
  labels: { app: name },
  ports: [],
  ips: [],
  ...extra,
});
const owned = (name: string, owner: OwnerReference, labels = { app: 'x' }): PodManifest =>
  pod(name, { ownerReferences: [owner], labels });
const workload = (kind: WorkloadManifest['kind'], name: string, extra: Partial<WorkloadManifest> = {}): WorkloadManifest => ({
  kind,
  name,
  namespace: 'ns',
  labels: { app: name },
  ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
  replicas: 3,
  ...extra,
});
const policy = (name: string, namespace: string): NetworkPolicy => ({ kind: 'NetworkPolicy', name, namespace, spec: { podSelector: {} } });

describe('buildModel: namespaces', () => {
  it('adds the namespaces pods, workloads and policies live in, undeclared, with the metadata.name label', () => {
    const model = buildModel([
      { kind: 'Namespace', name: 'declared', labels: { team: 'a' } },
      pod('p'),
      workload('Deployment', 'd', { namespace: 'apps' }),
      policy('np', 'zeta'),
    ]);
    expect(model.namespaces).toEqual([
      { kind: 'Namespace', name: 'apps', labels: { 'kubernetes.io/metadata.name': 'apps' }, declared: false },
      { kind: 'Namespace', name: 'declared', labels: { team: 'a', 'kubernetes.io/metadata.name': 'declared' }, declared: true },
      { kind: 'Namespace', name: 'ns', labels: { 'kubernetes.io/metadata.name': 'ns' }, declared: false },
      { kind: 'Namespace', name: 'zeta', labels: { 'kubernetes.io/metadata.name': 'zeta' }, declared: false },
    ]);
  });
});

describe('buildModel: pods and their workloads', () => {
  it('makes a pod without a controller owner its own workload of kind Pod', () => {
    const model = buildModel([pod('a', { ips: ['10.0.0.1'] })]);
    expect(model.workloads).toEqual([
      { id: 'ns/a', kind: 'Pod', namespace: 'ns', name: 'a', labels: { app: 'a' }, ports: [], replicas: 1, podIds: ['ns/a'] },
    ]);
    expect(model.pods[0]).toMatchObject({ id: 'ns/a', workloadId: 'ns/a', ips: ['10.0.0.1'] });
  });

  it('groups pods under their controller owner (a ReplicaSet from a live dump), replicas = pods', () => {
    const rs: OwnerReference = { kind: 'ReplicaSet', name: 'web-7d9', controller: true };
    const model = buildModel([owned('web-7d9-b', rs, { app: 'web' }), owned('web-7d9-a', rs, { app: 'web' })]);
    expect(model.workloads).toEqual([
      expect.objectContaining({ id: 'ns/web-7d9', kind: 'ReplicaSet', replicas: 2, podIds: ['ns/web-7d9-a', 'ns/web-7d9-b'], labels: { app: 'web' } }),
    ]);
    expect(model.pods.map((p) => [p.id, p.workloadId])).toEqual([
      ['ns/web-7d9-a', 'ns/web-7d9'],
      ['ns/web-7d9-b', 'ns/web-7d9'],
    ]);
  });

  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Job', 'CronJob'])('groups pods owned by a %s', (kind) => {
    const model = buildModel([owned('p1', { kind, name: 'owner', controller: true })]);
    expect(model.workloads[0]).toMatchObject({ id: 'ns/owner', kind, replicas: 1 });
  });

  it('makes a static pod (owned by a Node) its own workload', () => {
    const model = buildModel([owned('etcd-node1', { kind: 'Node', name: 'node1', controller: true })]);
    expect(model.workloads[0]).toMatchObject({ id: 'ns/etcd-node1', kind: 'Pod' });
  });

  it('reproduces the quirk: a controller owner without kind gives a workload named after it, of kind Pod', () => {
    const model = buildModel([owned('p1', { kind: '', name: 'owner', controller: true }), owned('p2', { kind: '', name: 'owner', controller: true })]);
    expect(model.workloads).toEqual([expect.objectContaining({ id: 'ns/owner', name: 'owner', kind: 'Pod', replicas: 2 })]);
  });

  it('makes a pod its own workload when the owner is of another kind or not the controller', () => {
    const model = buildModel([
      owned('a', { kind: 'Rollout', name: 'r', controller: true }),
      owned('b', { kind: 'ReplicaSet', name: 'rs' }),
    ]);
    expect(model.workloads.map((w) => [w.id, w.kind])).toEqual([
      ['ns/a', 'Pod'],
      ['ns/b', 'Pod'],
    ]);
  });

  it('attaches pods to their workload manifest when both are present (no template pod)', () => {
    const rs: OwnerReference = { kind: 'ReplicaSet', name: 'web', controller: true };
    const model = buildModel([workload('ReplicaSet', 'web', { replicas: 5 }), owned('web-1', rs), owned('web-2', rs)]);
    expect(model.workloads).toEqual([
      expect.objectContaining({ id: 'ns/web', kind: 'ReplicaSet', replicas: 2, labels: { app: 'web' }, podIds: ['ns/web-1', 'ns/web-2'] }),
    ]);
    expect(model.pods.some((p) => p.fromTemplate)).toBe(false);
  });

  it('gives a workload manifest without pods one pod standing for its template', () => {
    const model = buildModel([workload('Deployment', 'web', { source: { file: 'f', line: 3, column: 1, documentIndex: 0 } })]);
    expect(model.pods).toEqual([
      {
        id: 'ns/web',
        namespace: 'ns',
        name: 'web',
        labels: { app: 'web' },
        ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
        ips: [],
        workloadId: 'ns/web',
        fromTemplate: true,
        source: { file: 'f', line: 3, column: 1, documentIndex: 0 },
      },
    ]);
    expect(model.workloads[0]).toMatchObject({ replicas: 3, podIds: ['ns/web'] });
  });
});

describe('buildModel: ids', () => {
  it('appends [Kind] to the later of two things that would get the same id', () => {
    const model = buildModel([workload('Deployment', 'web'), workload('StatefulSet', 'web'), pod('web')]);
    expect(model.workloads.map((w) => [w.id, w.kind])).toEqual([
      ['ns/web', 'Deployment'],
      ['ns/web[Pod]', 'Pod'],
      ['ns/web[StatefulSet]', 'StatefulSet'],
    ]);
    expect(model.pods.map((p) => [p.id, p.workloadId])).toEqual([
      ['ns/web', 'ns/web'],
      ['ns/web[Pod]', 'ns/web[Pod]'],
      ['ns/web[StatefulSet]', 'ns/web[StatefulSet]'],
    ]);
  });

  it('keeps a declared pod and a template pod of the same name apart', () => {
    const model = buildModel([owned('web', { kind: 'Job', name: 'batch', controller: true }), workload('Deployment', 'web')]);
    expect(model.pods.map((p) => p.id)).toEqual(['ns/web', 'ns/web[Deployment]']);
    expect(model.workloads.map((w) => w.id)).toEqual(['ns/batch', 'ns/web[Deployment]']);
  });

  it('uses the later definition of the same object', () => {
    const model = buildModel([pod('a', { labels: { v: '1' } }), pod('a', { labels: { v: '2' } })]);
    expect(model.pods.map((p) => [p.id, p.labels])).toEqual([['ns/a', { v: '2' }]]);
  });

  it('sorts everything by id, whatever the input order', () => {
    const resources: ManifestResource[] = [
      pod('b'),
      pod('a', { namespace: 'z' }),
      workload('Deployment', 'c'),
      owned('d-1', { kind: 'ReplicaSet', name: 'd', controller: true }),
      policy('p2', 'ns'),
      policy('p1', 'ns'),
      { kind: 'Namespace', name: 'm', labels: {} },
    ];
    const reference = buildModel(resources);
    expect(reference.pods.map((p) => p.id)).toEqual(['ns/b', 'ns/c', 'ns/d-1', 'z/a']);
    expect(reference.policies.map((p) => p.name)).toEqual(['p1', 'p2']);
    fc.assert(
      fc.property(fc.shuffledSubarray(resources, { minLength: resources.length }), (shuffled) => {
        expect(buildModel(shuffled)).toEqual(reference);
      }),
    );
  });
});
