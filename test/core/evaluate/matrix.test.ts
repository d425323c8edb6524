import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/parse/index.ts';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { halfOpenOf } from '../../../src/core/evaluate/matrix.ts';
import { formatPortSet, isEmptyPorts } from '../../../src/core/model/portset.ts';

const seedAll = resolve(__dirname, '../../../examples/seed-all');
const files = ['cluster.yaml', 'policies.yaml'].map((f) => ({ name: f, text: readFileSync(resolve(seedAll, f), 'utf8') }));
const { model } = importManifests(files);
const matrix = createEvaluator(model).matrix({ granularity: 'workload' });
const index = (id: string) => matrix.units.findIndex((u) => u.id === id);

describe('reachability matrix of the five seed policies together', () => {
  it('has one port class per port any policy mentions plus any other port', () => {
    expect(matrix.portClasses.map((c) => c.label)).toEqual(['TCP 3306', 'TCP 5432', 'any other port']);
  });

  it('finds exactly the two half-open flows', () => {
    const halfOpen: string[] = [];
    matrix.units.forEach((src, s) =>
      matrix.units.forEach((dst, d) => {
        const h = halfOpenOf(matrix.sides(s, d));
        if (s !== d && (!isEmptyPorts(h.egressOnly) || !isEmptyPorts(h.ingressOnly))) halfOpen.push(`${src.id}->${dst.id}`);
      }),
    );
    expect(halfOpen.sort()).toEqual(['default/backend->default/frontend', 'default/frontend->default/database']);
  });

  it('says which side allows a half-open flow', () => {
    const h = halfOpenOf(matrix.sides(index('default/frontend'), index('default/database')));
    expect(formatPortSet(h.egressOnly)).toBe('TCP 3306');
    expect(isEmptyPorts(h.ingressOnly)).toBe(true);
  });

  it('merges external destinations into maximal ranges', () => {
    expect(matrix.egressToExternal.map((e) => e.range.label)).toEqual(['0.0.0.0/0 except 8.8.8.8/32', '8.8.8.8/32', '::/0']);
    const backend = index('default/backend');
    const google = matrix.egressToExternal.find((e) => e.range.label === '8.8.8.8/32')!;
    expect(formatPortSet(google.connections(backend))).toBe('All Connections');
  });
});

describe('halfOpenOf', () => {
  const cluster = `
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: shop, labels: {app: client}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: server, namespace: shop, labels: {app: server}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: server-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: server}}, policyTypes: [Ingress]}
`;
  const egress = (to: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress: [{to: [${to}], ports: [{protocol: UDP, port: 53}]}]
`;
  const halfOpenPorts = (to: string) => {
    const { model } = importManifests([{ name: 'c.yaml', text: cluster + egress(to) }]);
    const m = createEvaluator(model).matrix({ granularity: 'workload' });
    const s = m.units.findIndex((u) => u.id === 'shop/client');
    const d = m.units.findIndex((u) => u.id === 'shop/server');
    return formatPortSet(halfOpenOf(m.sides(s, d)).egressOnly);
  };

  it('marks a flow half-open when a rule singling out the destination allows it and the destination denies it', () => {
    expect(halfOpenPorts('{podSelector: {matchLabels: {app: server}}}')).toBe('UDP 53');
  });

  it('does not count a rule that admits every pod of every namespace (such as cluster-wide DNS egress)', () => {
    expect(halfOpenPorts('{namespaceSelector: {}}')).toBe('No Connections');
  });
});
