import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const cluster = [deployment('api', { app: 'api' }), deployment('web', { app: 'web' })];

describe('lint/policy-selects-nothing', () => {
  const policy = (selector: string, namespace = 'default') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: ${namespace}
spec:
  podSelector: ${selector}
  ingress: []`;

  it('warns on a podSelector that matches no pod of its namespace', () => {
    const text = docs(...cluster, policy('{matchLabels: {app: apii}}'));
    const warning = theWarning(lintYaml(text), 'lint/policy-selects-nothing');
    expect(warning).toMatchObject({ ...at(text, 'podSelector: {matchLabels: {app: apii}}'), path: 'spec.podSelector', policy: 'default/p' });
    expect(warning.message).toContain('app=apii');
  });

  it('says the namespace has no pods when that is why', () => {
    const warning = theWarning(lintYaml(docs(...cluster, policy('{}', 'prod'))), 'lint/policy-selects-nothing');
    expect(warning.message).toContain('no pods in namespace prod');
    expect(warning.fix).toContain('metadata.namespace');
  });

  it('does not fire on a policy-only paste, except for a selector no labels satisfy', () => {
    expect(withCode(lintYaml(docs(policy('{matchLabels: {app: api}}'))), 'lint/policy-selects-nothing')).toEqual([]);
    const impossible = policy(`
    matchExpressions:
    - {key: app, operator: In, values: [a]}
    - {key: app, operator: NotIn, values: [a]}`);
    const warning = theWarning(lintYaml(docs(impossible)), 'lint/policy-selects-nothing');
    expect(warning.message).toContain('No labels can satisfy');
  });
});

describe('lint/peer-selects-nothing', () => {
  const policy = (peer: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-in
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
${peer}`;

  it('warns on a podSelector peer matching no pod', () => {
    const text = docs(...cluster, policy('    - podSelector: {matchLabels: {app: wbe}}'));
    const warning = theWarning(lintYaml(text), 'lint/peer-selects-nothing');
    expect(warning).toMatchObject({ ...at(text, 'podSelector: {matchLabels: {app: wbe}}'), path: 'spec.ingress[0].from[0].podSelector', pods: ['default/api'] });
    expect(warning.message).toContain('No pod in namespace default matches');
  });

  it('warns on a namespaceSelector matching no namespace (labels the workspace never declared)', () => {
    const text = docs(...cluster, policy('    - namespaceSelector: {matchLabels: {team: ops}}'));
    const warning = theWarning(lintYaml(text), 'lint/peer-selects-nothing');
    expect(warning.path).toBe('spec.ingress[0].from[0].namespaceSelector');
    expect(warning.message).toContain('team=ops');
  });

  it('says nothing when the peer admits someone, or on a policy-only paste', () => {
    expect(withCode(lintYaml(docs(...cluster, policy('    - podSelector: {matchLabels: {app: web}}'))), 'lint/peer-selects-nothing')).toEqual([]);
    const pasted = docs(policy('    - podSelector: {matchLabels: {app: wbe}}\n    - namespaceSelector: {matchLabels: {team: ops}}'));
    expect(withCode(lintYaml(pasted), 'lint/peer-selects-nothing')).toEqual([]);
  });
});
