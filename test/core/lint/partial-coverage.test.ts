import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const backendOnly = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-in
spec:
  podSelector: {matchLabels: {tier: backend}}
  ingress: []`;
const backend = (name: string) => deployment(name, { app: name, tier: 'backend' });

describe('lint/partial-coverage', () => {
  it('names the workloads no policy selects in a namespace where policies select most of them', () => {
    const text = docs(backend('api'), backend('orders'), backend('payments'), deployment('web', { app: 'web' }), backendOnly);
    const warning = theWarning(lintYaml(text), 'lint/partial-coverage');
    expect(warning.message).toContain('policies select 3 workloads, but none selects web');
    expect(warning.pods).toEqual(['default/web']);
    expect(warning.policy).toBeUndefined();
    // It points at the first uncovered workload's name.
    expect(warning).toMatchObject(at(text, 'name: web'));
    expect(warning.fix).toContain('default-deny');
  });

  it('leaves alone a policy for a few apps among many (as many left out as selected)', () => {
    const text = docs(backend('api'), deployment('web', { app: 'web' }), backendOnly);
    expect(withCode(lintYaml(text), 'lint/partial-coverage')).toEqual([]);
  });

  it('says nothing when every pod, or no pod, of a namespace is selected', () => {
    const all = backendOnly.replace('{matchLabels: {tier: backend}}', '{}');
    expect(withCode(lintYaml(docs(backend('api'), deployment('web', { app: 'web' }), all)), 'lint/partial-coverage')).toEqual([]);
    const other = docs(backend('api'), backend('orders'), deployment('web', { app: 'web' }, { namespace: 'web' }), backendOnly);
    expect(withCode(lintYaml(other), 'lint/partial-coverage')).toEqual([]);
  });

  it('does not fire on a policy-only paste (inferred peer pods would look uncovered)', () => {
    const paste = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-in
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}`;
    expect(withCode(lintYaml(docs(paste)), 'lint/partial-coverage')).toEqual([]);
  });
});
