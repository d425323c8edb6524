/**
 * generatePolicies, case by case: the problems it reports (and what it leaves out), names,
 * default deny, DNS, and how flows between the same ends share a rule.
 */
import { describe, expect, it } from 'vitest';
import { generatePolicies } from '../../../src/core/generate/generate.ts';
import type { FlowIntent, GeneratorSettings } from '../../../src/core/generate/intent.ts';
import { renderPolicies } from '../../../src/core/generate/render.ts';
import type { ClusterModel, NetworkPolicy } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { cluster, policy } from '../evaluate/fixture.ts';
import { seedCluster, seedFlows, w } from './seed.ts';

const ingressOnly: GeneratorSettings = { style: 'ingress-only' };
const codes = (r: ReturnType<typeof generatePolicies>) => r.problems.map((p) => [p.code, p.severity, p.intentIndex]);
const names = (r: ReturnType<typeof generatePolicies>) => r.policies.map((p) => `${p.namespace}/${p.name}`);
const flow = (source: string, destination: string, ports: FlowIntent['ports'] = { kind: 'all' }): FlowIntent => ({
  source: w(source),
  destination: w(destination),
  ports,
});
const withPolicies = (model: ClusterModel, ...policies: NetworkPolicy[]): ClusterModel => ({ ...model, policies });

describe('generatePolicies problems', () => {
  it('leaves out a flow naming an unknown workload', () => {
    const r = generatePolicies(seedCluster, [flow('backend', 'nope')], ingressOnly);
    expect(codes(r)).toEqual([['unknown-workload', 'error', 0]]);
    expect(r.policies).toEqual([]);
  });

  it('leaves out the flows of a workload no label set singles out, once, with a label to add', () => {
    const pods = [{ id: 'a/web', labels: { app: 'web' } }, { id: 'a/web2', labels: { app: 'web' } }, { id: 'a/db', labels: { app: 'db' } }];
    const model = cluster(pods, []);
    const r = generatePolicies(model, [flow('a/web', 'a/db'), flow('a/web', 'a/web2'), flow('a/db', 'a/db')], ingressOnly);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'cannot-select-workload', workloadId: 'a/web', suggestion: { key: 'app.kubernetes.io/name', value: 'web' } }),
      expect.objectContaining({ code: 'cannot-select-workload', workloadId: 'a/web2' }),
    ]);
    expect(names(r)).toEqual(['a/allow-db-ingress']);
  });

  it('refuses flows between two external addresses and bad address blocks', () => {
    const r = generatePolicies(
      seedCluster,
      [
        { source: { kind: 'anywhere' }, destination: { kind: 'ipBlock', cidr: '8.8.8.8/32' }, ports: { kind: 'all' } },
        { source: { kind: 'ipBlock', cidr: '10.0.0.0/33' }, destination: w('db'), ports: { kind: 'all' } },
        { source: { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] }, destination: w('db'), ports: { kind: 'all' } },
      ],
      ingressOnly,
    );
    expect(codes(r)).toEqual([
      ['external-to-external', 'error', 0],
      ['invalid-ip-block', 'error', 1],
      ['invalid-ip-block', 'error', 2],
    ]);
  });

  it('reads a bare address as one address and clears host bits', () => {
    const r = generatePolicies(
      seedCluster,
      [{ source: { kind: 'ipBlock', cidr: '10.1.2.3/8', except: ['10.1.2.3'] }, destination: w('db'), ports: { kind: 'all' } }],
      ingressOnly,
    );
    expect(r.policies[0]?.spec.ingress?.[0]?.from).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.2.3/32'] } }]);
  });

  it('drops port entries the API server would refuse, and the flow when none is left', () => {
    const custom = (...entries: object[]): FlowIntent['ports'] => ({ kind: 'custom', entries: entries as never });
    const r = generatePolicies(
      seedCluster,
      [
        flow('api', 'db', custom({ port: 0 }, { port: 90, endPort: 80 }, { port: 'http', endPort: 90 }, { port: 'Bad_Name' }, { port: 5432 })),
        flow('api', 'backend', custom({ protocol: 'tcp', port: 80 })),
        flow('api', 'frontend', custom()),
      ],
      ingressOnly,
    );
    expect(codes(r)).toEqual([
      ...Array(4).fill(['invalid-port', 'error', 0]),
      ['invalid-port', 'error', 1],
      ['no-ports', 'error', 2],
    ]);
    expect(names(r)).toEqual(['default/allow-db-ingress']);
    expect(r.policies[0]?.spec.ingress?.[0]?.ports).toEqual([{ protocol: 'TCP', port: 5432 }]);
  });

  it('refuses a named port towards an address, and warns when the destination does not declare it', () => {
    const r = generatePolicies(
      seedCluster,
      [
        { source: w('api'), destination: { kind: 'anywhere' }, ports: { kind: 'custom', entries: [{ port: 'http' }] } },
        flow('api', 'backend', { kind: 'custom', entries: [{ port: 'grpc' }] }),
      ],
      { style: 'zero-trust' },
    );
    expect(codes(r).filter(([code]) => code !== 'dns-blocked')).toEqual([
      ['named-port-to-external', 'error', 0],
      ['named-port-undeclared', 'warning', 1],
    ]);
    expect(r.policies.find((p) => p.name === 'allow-backend-ingress')?.spec.ingress?.[0]?.ports).toEqual([{ protocol: 'TCP', port: 'grpc' }]);
  });

  it('allows every port towards a destination that declares none', () => {
    const model = cluster([{ id: 'a/web', labels: { app: 'web' } }, { id: 'a/db', labels: { app: 'db' } }], []);
    const r = generatePolicies(model, [flow('a/web', 'a/db', { kind: 'declared' })], ingressOnly);
    expect(codes(r)).toEqual([['no-declared-ports', 'info', 0]]);
    expect(r.policies[0]?.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }]);
  });
});

describe('generatePolicies output', () => {
  it('merges the flows between the same two ends into one rule, all ports winning', () => {
    const tcp = (port: number): FlowIntent['ports'] => ({ kind: 'custom', entries: [{ protocol: 'TCP', port }] });
    const r = generatePolicies(seedCluster, [flow('api', 'db', tcp(5433)), flow('api', 'db', tcp(5432)), flow('api', 'db', tcp(5432))], ingressOnly);
    expect(r.policies[0]?.spec.ingress?.[0]?.ports).toEqual([{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 5433 }]);
    const all = generatePolicies(seedCluster, [flow('api', 'db', tcp(5432)), flow('api', 'db')], ingressOnly);
    expect(all.policies[0]?.spec.ingress?.[0]?.ports).toBeUndefined();
  });

  it('avoids the names of hand-written policies, and says so', () => {
    const pasted = policy('default/allow-frontend-ingress', { podSelector: { matchLabels: { app: 'frontend' } } });
    const r = generatePolicies(withPolicies(seedCluster, pasted), seedFlows, ingressOnly);
    expect(names(r)).toContain('default/allow-frontend-ingress-2');
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'name-taken', severity: 'info' }));
  });

  it('tells apart two workloads of one name by their kind', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: a, labels: {app: web-debug}}
spec: {containers: [{name: c, image: i}]}
`;
    const { model } = importManifests([{ name: 'a.yaml', text: yaml }]);
    const r = generatePolicies(model, [flow('a/web', 'a/web[Pod]'), flow('a/web[Pod]', 'a/web')], ingressOnly);
    expect(names(r)).toEqual(['a/allow-web-deployment-ingress', 'a/allow-web-pod-ingress']);
  });

  it('follows the default-deny toggles over the style, and writes egress rules where egress is denied', () => {
    const r = generatePolicies(seedCluster, [flow('api', 'backend')], { style: 'ingress-only', defaultDeny: { default: { egress: true } } });
    expect(names(r)).toEqual(['default/default-deny-egress', 'default/allow-api-egress', 'default/allow-backend-ingress']);
    const z = generatePolicies(seedCluster, [flow('api', 'backend')], { style: 'zero-trust', defaultDeny: { default: { ingress: false } } });
    expect(names(z)).toEqual(['default/default-deny-egress', 'default/allow-api-egress', 'default/allow-backend-ingress']);
  });

  it('does not repeat a hand-written default deny, and leaves kube-system alone in zero-trust style', () => {
    const denyAll = policy('default/deny-everything', { podSelector: {}, policyTypes: ['Ingress'] });
    const model = cluster([{ id: 'default/a', labels: { app: 'a' } }, { id: 'kube-system/coredns', labels: { 'k8s-app': 'kube-dns' } }], [denyAll]);
    expect(names(generatePolicies(model, [], { style: 'zero-trust' }))).toEqual(['default/default-deny-egress']);
  });

  it('still writes egress rules where a hand-written policy is the default deny the toggle asks for', () => {
    const denyEgress = policy('default/no-egress', { podSelector: {}, policyTypes: ['Egress'] });
    const settings: GeneratorSettings = { style: 'ingress-only', defaultDeny: { default: { egress: true } } };
    const r = generatePolicies(withPolicies(seedCluster, denyEgress), [flow('api', 'backend')], settings);
    expect(names(r)).toEqual(['default/allow-api-egress', 'default/allow-backend-ingress']);
  });

  it('lets a drawn workload whose egress a pasted policy isolates reach kube-dns, with "allow DNS"', () => {
    const pasted = policy('default/backend-out', { podSelector: { matchLabels: { app: 'backend' } }, policyTypes: ['Egress'] });
    const model = withPolicies(seedCluster, pasted);
    const without = generatePolicies(model, [flow('backend', 'db')], ingressOnly);
    expect(without.problems).toContainEqual(expect.objectContaining({ code: 'dns-blocked', workloadId: 'default/backend' }));
    const r = generatePolicies(model, [flow('backend', 'db')], { ...ingressOnly, allowDns: true });
    expect(names(r)).toEqual(['default/allow-backend-egress', 'default/allow-db-ingress']);
    expect(renderPolicies(r.policies, r.comments)).toContain('# allows DNS lookups: kube-dns in kube-system on TCP 53, UDP 53');
    expect(r.problems).toEqual([]);
  });

  it('uses one namespace-wide DNS policy where a pasted policy already isolates every pod', () => {
    const pasted = policy('default/lockdown', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }] }] });
    const r = generatePolicies(withPolicies(seedCluster, pasted), [flow('backend', 'db')], { ...ingressOnly, allowDns: true });
    expect(names(r)).toEqual(['default/allow-dns-egress', 'default/allow-db-ingress']);
  });

  it('allows replicas of one workload to talk to each other when drawn from it to itself', () => {
    const r = generatePolicies(seedCluster, [flow('db', 'db', { kind: 'declared' })], { style: 'zero-trust', allowDns: true });
    const ingress = r.policies.find((p) => p.name === 'allow-db-ingress');
    expect(ingress?.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }]);
    expect(r.comments['default/allow-db-ingress']?.ingress).toEqual(['allows connections from db on TCP 5432']);
  });
});
