/**
 * Inference: policies pasted alone (no pods, no workloads) get representative pods, one per
 * distinct selector, labelled so the selector matches, in namespaces that match.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/core/model/build.ts';
import { matchesSelector } from '../../../src/core/model/selector.ts';
import type { ClusterModel, NetworkPolicy, NetworkPolicySpec } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';

const policy = (namespace: string, spec: NetworkPolicySpec, name = 'p'): NetworkPolicy => ({ kind: 'NetworkPolicy', name, namespace, spec });
const podsOf = (model: ClusterModel): [string, Record<string, string>][] => model.pods.map((p) => [p.id, { ...p.labels }]);

describe('buildModel: inferring pods from policies alone', () => {
  it('adds a pod for the policy selector and for each peer selector, named after their app label', () => {
    const model = buildModel([
      policy('shop', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api', tier: 'be' } } }] }],
      }),
    ]);
    expect(model.inferredPods).toBe(true);
    expect(podsOf(model)).toEqual([
      ['shop/api', { app: 'api', tier: 'be' }],
      ['shop/web', { app: 'web' }],
    ]);
    expect(model.pods.every((p) => p.inferred && p.workloadId === p.id && p.ips.length === 0)).toBe(true);
    expect(model.workloads.map((w) => [w.id, w.kind, w.inferred, w.replicas])).toEqual([
      ['shop/api', 'Pod', true, 1],
      ['shop/web', 'Pod', true, 1],
    ]);
  });

  it('places a peer with a namespaceSelector in the namespace its kubernetes.io/metadata.name fixes', () => {
    const model = buildModel([
      policy('shop', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
                podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus', app: 'other' } },
              },
            ],
          },
        ],
      }),
    ]);
    expect(model.namespaces.map((n) => [n.name, n.declared])).toEqual([
      ['monitoring', false],
      ['shop', false],
    ]);
    expect(podsOf(model)).toContainEqual(['monitoring/prometheus', { 'app.kubernetes.io/name': 'prometheus', app: 'other' }]);
  });

  it('creates a namespace labelled to match a namespaceSelector, and puts a generic pod there for an absent podSelector', () => {
    const model = buildModel([
      policy('shop', {
        podSelector: {},
        egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['payments', 'x'] }] } }] }],
      }),
    ]);
    const ns = model.namespaces.find((n) => n.name === 'payments');
    expect(ns?.labels).toEqual({ team: 'payments', 'kubernetes.io/metadata.name': 'payments' });
    expect(podsOf(model)).toEqual([
      ['payments/pod-1', {}],
      ['shop/pod-1', {}],
    ]);
  });

  it('reuses a declared namespace that matches the namespaceSelector', () => {
    const model = buildModel([
      { kind: 'Namespace', name: 'prod-eu', labels: { env: 'prod' } },
      policy('shop', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { app: 'gw' } } }] }] }),
    ]);
    expect(model.pods.map((p) => p.id)).toEqual(['prod-eu/gw', 'shop/pod-1']);
  });

  it('labels for matchExpressions: In takes the first value, Exists some value, NotIn and DoesNotExist leave the key out', () => {
    const spec: NetworkPolicySpec = {
      podSelector: {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['db', 'cache'] },
          { key: 'tier', operator: 'Exists' },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
    };
    const model = buildModel([policy('data', spec)]);
    expect(podsOf(model)).toEqual([['data/db', { app: 'db', tier: 'true' }]]);
    expect(matchesSelector(spec.podSelector, model.pods[0]?.labels ?? {})).toBe(true);
  });

  it('makes one pod per distinct selector, reusing a pod that already matches', () => {
    const sel = { matchLabels: { app: 'web' } };
    const model = buildModel([
      policy('a', { podSelector: sel, ingress: [{ from: [{ podSelector: sel }] }] }, 'p1'),
      policy('a', { podSelector: sel, egress: [{ to: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }] }] }, 'p2'),
    ]);
    expect(model.pods.map((p) => p.id)).toEqual(['a/web']);
  });

  it('skips a selector no labels can satisfy', () => {
    const model = buildModel([
      policy('a', {
        podSelector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['x'] }] },
        ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }],
      }),
    ]);
    expect(podsOf(model)).toEqual([['a/client', { role: 'client' }]]);
  });

  it('names pods without a readable label value pod-1, pod-2, and keeps names unique', () => {
    const exists = (key: string) => ({ matchExpressions: [{ key, operator: 'Exists' as const }] });
    const model = buildModel([
      policy('a', {
        podSelector: exists('x.io/flag'),
        ingress: [{ from: [{ podSelector: exists('y.io/flag') }, { podSelector: { matchLabels: { app: 'web' } } }, { podSelector: { matchLabels: { app: 'web', v: '2' } } }] }],
      }),
    ]);
    expect(model.pods.map((p) => p.name)).toEqual(['pod-1', 'pod-2', 'web', 'web-2']);
  });

  it('does not infer anything when the input has pods or workloads, or no policies', () => {
    const p = policy('a', { podSelector: { matchLabels: { app: 'web' } } });
    const withPod = buildModel([p, { kind: 'Pod', name: 'x', namespace: 'b', labels: {}, ports: [], ips: [] }]);
    expect(withPod.inferredPods).toBe(false);
    expect(withPod.pods.map((x) => x.id)).toEqual(['b/x']);
    expect(buildModel([]).inferredPods).toBe(false);
    expect(buildModel([p], [], { inferPods: false }).pods).toEqual([]);
  });

  it('gives something to evaluate for the seed policies pasted alone', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-frontend-ingress, namespace: default}
spec:
  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector: {matchLabels: {app: backend}}
`;
    const { model, issues } = importManifests([{ name: 'seed.yaml', text }]);
    expect(issues).toEqual([]);
    expect(model.inferredPods).toBe(true);
    expect(model.pods.map((p) => p.id)).toEqual(['default/backend', 'default/frontend']);
  });
});
