import { describe, expect, it } from 'vitest';
import { importManifests, type NetworkPolicy } from '../../src/core/index.ts';
import {
  describePeer,
  describePodSelector,
  describePolicyTypes,
  describePort,
  describeRules,
  describeSelector,
} from '../../src/ui/panels/inspector/rule-words.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function policy(yaml: string): NetworkPolicy {
  const { model, issues } = importManifests([{ name: 'p.yaml', text: yaml }]);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return model.policies[0]!;
}

describe('describeSelector', () => {
  it('writes matchLabels as k=v and matchExpressions in words', () => {
    expect(
      describeSelector({
        matchLabels: { app: 'api' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'staging'] },
          { key: 'tier', operator: 'NotIn', values: ['db'] },
          { key: 'team', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=api, env in (prod, staging), tier not in (db), team exists, no legacy label');
  });
});

describe('describePeer', () => {
  it('scopes a podSelector-only peer to the policy namespace', () => {
    expect(describePeer({ podSelector: { matchLabels: { app: 'api' } } }, 'default')).toBe('pods app=api in this namespace (default)');
    expect(describePeer({ podSelector: {} }, 'default')).toBe('all pods in this namespace (default)');
  });

  it('reads namespaceSelector alone, and AND-ed with a podSelector', () => {
    expect(describePeer({ namespaceSelector: { matchLabels: { env: 'prod' } } }, 'default')).toBe('all pods in namespaces env=prod');
    expect(describePeer({ namespaceSelector: {} }, 'default')).toBe('all pods in all namespaces');
    expect(describePeer({ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { app: 'api' } } }, 'x')).toBe(
      'pods app=api in namespaces env=prod',
    );
    expect(describePeer({ namespaceSelector: {}, podSelector: { matchLabels: { app: 'dns' } } }, 'x')).toBe('pods app=dns in all namespaces');
  });

  it('writes an ipBlock as cidr except holes', () => {
    expect(describePeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, 'default')).toBe('10.0.0.0/8 except 10.1.0.0/16');
    expect(describePeer({ ipBlock: { cidr: '8.8.8.8/32' } }, 'default')).toBe('8.8.8.8/32');
  });
});

describe('describePort', () => {
  it('defaults to TCP and names ranges, named ports and whole protocols', () => {
    expect(describePort({ port: 3306 })).toBe('TCP 3306');
    expect(describePort({ protocol: 'UDP', port: 53, endPort: 60 })).toBe('UDP 53-60');
    expect(describePort({ protocol: 'SCTP' })).toBe('all SCTP ports');
    expect(describePort({ port: 'http' })).toBe('TCP port named "http"');
  });
});

describe('describeRules', () => {
  const policies = importManifests(loadScenario('seed-all').manifests).model.policies;
  const byName = (name: string) => policies.find((p) => p.name === name)!;

  it('says each rule in words', () => {
    expect(describeRules(byName('allow-ingress-egress'), 'egress')?.map((r) => r.sentence)).toEqual([
      'To pods app=db in this namespace (default); on TCP 5432.',
    ]);
    expect(describeRules(byName('allow-frontend-ingress'), 'ingress')?.map((r) => r.sentence)).toEqual([
      'From pods app=backend in this namespace (default); on every port and protocol.',
    ]);
  });

  it('keeps "no rules" (isolates, allows nothing) apart from "does not apply"', () => {
    expect(describeRules(byName('deny-all-ingress'), 'ingress')).toEqual([]);
    expect(describeRules(byName('deny-all-ingress'), 'egress')).toBeUndefined();
  });

  it('reads a rule without peers or ports as anywhere, every port', () => {
    const p = policy('kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: open, namespace: a}\nspec:\n  podSelector: {}\n  ingress:\n  - {}\n');
    expect(describeRules(p, 'ingress')?.[0]?.sentence).toBe(
      'From anywhere (every pod in every namespace, and every address); on every port and protocol.',
    );
    expect(describePodSelector(p)).toBe('every pod in a');
  });
});

describe('describePolicyTypes', () => {
  it('notes the API server defaulting when policyTypes is not written', () => {
    const egress = policy(
      'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: e, namespace: a}\nspec:\n  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8}\n',
    );
    expect(describePolicyTypes(egress)).toMatchObject({ types: ['Ingress', 'Egress'], defaulted: true });
    expect(describePolicyTypes(egress).note).toContain('Egress because spec.egress has rules');
    const plain = policy('kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: i, namespace: a}\nspec:\n  podSelector: {}\n');
    expect(describePolicyTypes(plain)).toMatchObject({ types: ['Ingress'], defaulted: true });
    const written = policy(
      'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: w, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n',
    );
    expect(describePolicyTypes(written)).toEqual({ types: ['Egress'], defaulted: false });
  });
});
