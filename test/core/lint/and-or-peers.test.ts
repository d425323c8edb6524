import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const namespaces = `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels:
    team: ops`;
const cluster = [namespaces, deployment('db', { app: 'db' }), deployment('prometheus', { app: 'prometheus' }, { namespace: 'monitoring' })];

describe('lint/and-or-peers', () => {
  it('warns on a namespaceSelector-only peer followed by a podSelector-only peer, explaining OR and AND', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-monitoring
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          team: ops
    - podSelector:
        matchLabels:
          app: prometheus`,
    );
    const warning = theWarning(lintYaml(text), 'lint/and-or-peers');
    // The second peer's entry: `podSelector:` after its dash.
    expect(warning).toMatchObject({ ...at(text, 'podSelector:\n        matchLabels:\n          app: prometheus'), path: 'spec.ingress[0].from[1]' });
    expect(warning.message).toContain('ORed');
    expect(warning.message).toContain('ANDed');
    expect(warning.message).toContain('team=ops');
    expect(warning.message).toContain('app=prometheus');
    expect(warning.fix).toContain('delete the dash');
    expect(warning.pods).toEqual(['default/db']);
  });

  it('also warns on the reverse order (podSelector first)', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-monitoring
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: prometheus}}
    - namespaceSelector: {matchLabels: {team: ops}}`,
    );
    expect(theWarning(lintYaml(text), 'lint/and-or-peers').path).toBe('spec.ingress[0].from[1]');
  });

  it('says nothing about one peer with both selectors (AND), or two peers of the same kind', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-from-monitoring
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: ops}}
      podSelector: {matchLabels: {app: prometheus}}
    - podSelector: {matchLabels: {app: db}}
    - podSelector: {matchLabels: {app: web}}`,
    );
    expect(withCode(lintYaml(text), 'lint/and-or-peers')).toEqual([]);
  });
});
