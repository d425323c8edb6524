/**
 * Golden output: the seed tutorial's five flows and the shop's shapes, drawn and generated in
 * both styles. The files under golden/ are what a user reads; review them when they change.
 */
import { describe, expect, it } from 'vitest';
import { generatePolicies } from '../../../src/core/generate/generate.ts';
import type { FlowIntent, GeneratorSettings } from '../../../src/core/generate/intent.ts';
import { renderPolicies } from '../../../src/core/generate/render.ts';
import type { ClusterModel, NetworkPolicy } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { seedCluster, seedFlows } from './seed.ts';
import { shopCluster, shopFlows } from './shapes.ts';

function generate(model: ClusterModel, flows: FlowIntent[], settings: GeneratorSettings) {
  const result = generatePolicies(model, flows, settings);
  return { ...result, yaml: renderPolicies(result.policies, result.comments) };
}

const withoutSource = ({ source: _source, ...rest }: NetworkPolicy) => rest;

const cases: [string, ClusterModel, FlowIntent[], GeneratorSettings][] = [
  ['seed-ingress-only', seedCluster, seedFlows, { style: 'ingress-only' }],
  ['seed-zero-trust', seedCluster, seedFlows, { style: 'zero-trust' }],
  ['seed-zero-trust-dns', seedCluster, seedFlows, { style: 'zero-trust', allowDns: true }],
  ['shop-ingress-only', shopCluster, shopFlows, { style: 'ingress-only' }],
  ['shop-zero-trust-dns', shopCluster, shopFlows, { style: 'zero-trust', allowDns: true }],
];

describe('generated YAML (golden)', () => {
  it.each(cases)('%s reads as the golden file', async (name, model, flows, settings) => {
    await expect(generate(model, flows, settings).yaml).toMatchFileSnapshot(`golden/${name}.yaml`);
  });

  it.each(cases)('%s imports back to the same policies, with no issue', (_name, model, flows, settings) => {
    const { policies, yaml } = generate(model, flows, settings);
    const { model: imported, issues } = importManifests([{ name: 'generated.yaml', text: yaml }]);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const sorted = [...policies].sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
    expect(imported.policies.map(withoutSource)).toEqual(sorted);
  });
});

describe('generatePolicies on the seed drawing', () => {
  it('writes rules on the destinations only in ingress-only style, and says why 8.8.8.8 needs none', () => {
    const { policies, problems } = generate(seedCluster, seedFlows, { style: 'ingress-only' });
    expect(policies.map((p) => p.name)).toEqual(['allow-backend-ingress', 'allow-database-ingress', 'allow-db-ingress', 'allow-frontend-ingress']);
    expect(problems.map((p) => [p.code, p.intentIndex])).toEqual([['no-policy-needed', 2]]);
  });

  it('adds egress rules on the sources and default deny in zero-trust style, and warns that DNS is blocked', () => {
    const { policies, problems } = generate(seedCluster, seedFlows, { style: 'zero-trust' });
    expect(policies.map((p) => p.name)).toEqual([
      'default-deny-ingress',
      'default-deny-egress',
      'allow-api-egress',
      'allow-backend-ingress',
      'allow-backend-egress',
      'allow-database-ingress',
      'allow-db-ingress',
      'allow-frontend-ingress',
      'allow-frontend-egress',
    ]);
    expect(problems.filter((p) => p.code === 'dns-blocked').map((p) => p.workloadId)).toEqual([
      'default/api',
      'default/backend',
      'default/database',
      'default/db',
      'default/frontend',
    ]);
  });

  it('lets every pod of a default-deny namespace reach kube-dns with "allow DNS"', () => {
    const { policies, problems } = generate(seedCluster, seedFlows, { style: 'zero-trust', allowDns: true });
    const dns = policies.find((p) => p.name === 'allow-dns-egress');
    expect(dns?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 53 }, { protocol: 'UDP', port: 53 }],
        },
      ],
    });
    expect(problems.filter((p) => p.code === 'dns-blocked')).toEqual([]);
  });
});
