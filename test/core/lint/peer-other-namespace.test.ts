import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const cluster = [deployment('api', { app: 'api' }, { namespace: 'shop' }), deployment('frontend', { app: 'frontend' }, { namespace: 'web' })];

const policy = (peer: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
  namespace: shop
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
${peer}`;

describe('lint/peer-other-namespace', () => {
  it('warns when a podSelector-only peer matches no pod here but pods in another namespace', () => {
    const text = docs(...cluster, policy('    - podSelector: {matchLabels: {app: frontend}}'));
    const warnings = lintYaml(text);
    const warning = theWarning(warnings, 'lint/peer-other-namespace');
    expect(warning).toMatchObject({ ...at(text, 'podSelector: {matchLabels: {app: frontend}}'), path: 'spec.ingress[0].from[0]' });
    expect(warning.message).toContain('pods matching app=frontend in shop');
    expect(warning.message).toContain('in web do');
    expect(warning.fix).toContain('kubernetes.io/metadata.name: web');
    // The same peer is not also reported as selecting nothing.
    expect(withCode(warnings, 'lint/peer-selects-nothing')).toEqual([]);
  });

  it('says nothing once a namespaceSelector names the other namespace', () => {
    const text = docs(
      ...cluster,
      policy(`    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}
      podSelector: {matchLabels: {app: frontend}}`),
    );
    expect(withCode(lintYaml(text), 'lint/peer-other-namespace')).toEqual([]);
  });

  it('does not fire on a policy-only paste (the peer pod is inferred in the policy namespace)', () => {
    const text = docs(policy('    - podSelector: {matchLabels: {app: frontend}}'));
    expect(withCode(lintYaml(text), 'lint/peer-other-namespace')).toEqual([]);
  });
});
