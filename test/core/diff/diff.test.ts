import { describe, expect, it } from 'vitest';
import { diffReachability, formatDiffLines, importManifests, createEvaluator, type ManifestFile } from '../../../src/core/index.ts';

function stateOf(...texts: string[]) {
  const files: ManifestFile[] = texts.map((text, i) => ({ name: `f${i}.yaml`, text }));
  const { model } = importManifests(files);
  return { model, evaluator: createEvaluator(model) };
}

const PODS = `
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec: { containers: [{ name: c, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata: { name: db, namespace: shop, labels: { app: db } }
spec: { containers: [{ name: c, image: postgres }] }
`;

const dbPolicy = (ports: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ podSelector: { matchLabels: { app: web } } }]
      ports: ${ports}
`;

describe('diffReachability', () => {
  it('finds nothing between a state and itself', () => {
    const state = stateOf(PODS, dbPolicy('[{ port: 5432 }]'));
    expect(diffReachability(state, state)).toEqual({ added: [], removed: [] });
  });

  it('reports a flow a new policy cuts, with its ports, keyed by workload id', () => {
    const diff = diffReachability(stateOf(PODS), stateOf(PODS, dbPolicy('[{ port: 5432 }]')));
    expect(diff.added).toEqual([]);
    expect(formatDiffLines(diff)).toContain('- 0.0.0.0/0 -> shop/db all ports');
    const inside = diff.removed.filter((c) => !c.external);
    expect(inside.map((c) => [c.from, c.to, c.protocol, c.ports, c.kept])).toEqual([
      ['shop/web', 'shop/db', 'TCP', 'TCP (all except 5432)', 'TCP 5432'],
      ['shop/web', 'shop/db', 'UDP', 'UDP (all ports)', 'TCP 5432'],
      ['shop/web', 'shop/db', 'SCTP', 'SCTP (all ports)', 'TCP 5432'],
    ]);
  });

  it('reports a port removed while another port of the same flow stays', () => {
    const before = stateOf(PODS, dbPolicy('[{ port: 80 }, { port: 8080 }]'));
    const after = stateOf(PODS, dbPolicy('[{ port: 80 }]'));
    const diff = diffReachability(before, after);
    expect(formatDiffLines(diff)).toEqual(['- shop/web -> shop/db TCP 8080 (still allowed: TCP 80)']);
    expect(formatDiffLines(diffReachability(after, before))).toEqual(['+ shop/web -> shop/db TCP 8080 (still allowed: TCP 80)']);
  });

  it('reports every flow of a workload that appears as added, including addresses outside', () => {
    const [web, db] = PODS.split('---');
    const diff = diffReachability(stateOf(db!, dbPolicy('[{ port: 5432 }]')), stateOf(web!, db!, dbPolicy('[{ port: 5432 }]')));
    expect(diff.removed).toEqual([]);
    const lines = formatDiffLines(diff);
    expect(lines).toContain('+ shop/web -> shop/db TCP 5432');
    expect(lines).toContain('+ shop/db -> shop/web all ports');
    expect(lines).toContain('+ shop/web -> 0.0.0.0/0 all ports');
    expect(lines).toContain('+ ::/0 -> shop/web all ports');
  });

  it('cuts addresses outside the cluster by both states’ ipBlocks', () => {
    const egress = (cidr: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: out, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Egress]
  egress: [{ to: [{ ipBlock: { cidr: "${cidr}" } }], ports: [{ port: 443 }] }]
`;
    const diff = diffReachability(stateOf(PODS, egress('10.0.0.0/8')), stateOf(PODS, egress('10.1.0.0/16')));
    expect(diff.added).toEqual([]);
    expect(formatDiffLines(diff)).toEqual(['- shop/web -> 10.0.0.0/8 except 10.1.0.0/16 TCP 443']);
    expect(diff.removed[0]?.external?.end).toBe('to');
  });

  it('sorts by source, destination and protocol', () => {
    const diff = diffReachability(stateOf(), stateOf(PODS));
    const keys = diff.added.map((c) => `${c.from}|${c.to}`);
    expect(keys).toEqual([...keys].sort());
  });
});
