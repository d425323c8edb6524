import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { gatherNamespacePairs, pairCoverage, pairTotalAt } from '../../../src/core/evaluate/namespace-pairs.ts';
import { formatPortSetShort } from '../../../src/core/index.ts';
import { importManifests } from '../../../src/core/parse/index.ts';

/** shop: web, cart (both open); pay: api (admits shop's web on TCP 5432 only), ledger (denies all ingress). */
const CLUSTER = `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: cart, namespace: shop, labels: {app: cart}}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: pay, labels: {app: api}}
---
apiVersion: v1
kind: Pod
metadata: {name: ledger, namespace: pay, labels: {app: ledger}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: pay}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
      podSelector: {matchLabels: {app: web}}
    ports: [{port: 5432}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ledger-deny, namespace: pay}
spec:
  podSelector: {matchLabels: {app: ledger}}
  policyTypes: [Ingress]
`;

function gathered() {
  const { model } = importManifests([{ name: 'cluster.yaml', text: CLUSTER }]);
  const data = createEvaluator(model).matrixData({ granularity: 'workload' });
  const pairs = gatherNamespacePairs(data);
  const unit = (id: string) => data.units.findIndex((u) => u.id === id);
  const ns = (name: string) => pairs.namespaces.indexOf(name);
  return { pairs, unit, ns, units: data.units.length };
}

describe('gatherNamespacePairs', () => {
  it('gathers shop → pay: one of four workload pairs may connect, on 5432', () => {
    const { pairs, ns } = gathered();
    const total = pairTotalAt(pairs, pairs.between, ns('shop') * pairs.namespaces.length + ns('pay'));
    expect(total).toMatchObject({ pairs: 4, allowed: 1, open: 0, coverage: 'partial' });
    expect(formatPortSetShort(total.ports)).toBe('TCP 5432');
  });

  it('gathers pay → shop as allowed on every port, with every pair open (no policy isolates either side)', () => {
    const { pairs, ns } = gathered();
    const total = pairTotalAt(pairs, pairs.between, ns('pay') * pairs.namespaces.length + ns('shop'));
    expect(total).toMatchObject({ pairs: 4, allowed: 4, open: 4, coverage: 'allowed' });
  });

  it('gathers a namespace towards one workload, and one workload towards a namespace', () => {
    const { pairs, ns, unit, units } = gathered();
    expect(pairTotalAt(pairs, pairs.toUnit, ns('shop') * units + unit('pay/ledger')).coverage).toBe('denied');
    expect(pairTotalAt(pairs, pairs.toUnit, ns('shop') * units + unit('pay/api'))).toMatchObject({ pairs: 2, allowed: 1 });
    expect(pairTotalAt(pairs, pairs.fromUnit, unit('shop/web') * pairs.namespaces.length + ns('pay'))).toMatchObject({ pairs: 2, allowed: 1, coverage: 'partial' });
  });

  it('counts pairs of distinct workloads inside a namespace (pay: api and ledger deny each other)', () => {
    const { pairs, ns } = gathered();
    expect(pairTotalAt(pairs, pairs.between, ns('pay') * pairs.namespaces.length + ns('pay'))).toMatchObject({ pairs: 2, allowed: 0, coverage: 'denied' });
  });
});

describe('pairCoverage', () => {
  it('says denied when no pair may connect, partial when some may, allowed when all may', () => {
    expect(pairCoverage(3, 0)).toBe('denied');
    expect(pairCoverage(3, 2)).toBe('partial');
    expect(pairCoverage(3, 3)).toBe('allowed');
    expect(pairCoverage(0, 0)).toBe('denied');
  });
});
