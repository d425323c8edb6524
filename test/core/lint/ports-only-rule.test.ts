import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';
import { STRAY_DASH_POLICY } from '../../helpers/stray-dash.ts';

const cluster = [deployment('api', { app: 'api' }), deployment('frontend', { app: 'frontend' })];

describe('lint/ports-only-rule (the stray dash)', () => {
  it('points at the ports of a ports-only rule written beside a peers-only rule', () => {
    const text = docs(
      ...cluster,
      STRAY_DASH_POLICY.trimEnd(),
    );
    const warning = theWarning(lintYaml(text), 'lint/ports-only-rule');
    expect(warning).toMatchObject({ ...at(text, 'ports:'), file: 'test.yaml', severity: 'warning', path: 'spec.ingress[1].ports' });
    expect(warning.policy).toBe('default/api-allow');
    expect(warning.pods).toEqual(['default/api']);
    expect(warning.message).toContain('allows TCP 8080 from every source');
    expect(warning.fix).toContain('remove the dash before ports');
  });

  it('says nothing when peers and ports are one rule', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: frontend}}
    ports:
    - port: 8080`,
    );
    expect(withCode(lintYaml(text), 'lint/ports-only-rule')).toEqual([]);
  });

  it('finds the same mistake in egress (to + ports as two rules)', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-out
spec:
  podSelector: {matchLabels: {app: frontend}}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {matchLabels: {app: api}}
  - ports:
    - port: 443`,
    );
    const warning = theWarning(lintYaml(text), 'lint/ports-only-rule');
    expect(warning.path).toBe('spec.egress[1].ports');
    expect(warning.message).toContain('to every destination');
  });

  it('leaves a ports-only rule alone when no peers-only rule sits beside it', () => {
    const text = docs(
      ...cluster,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-port
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - ports:
    - port: 8080`,
    );
    expect(withCode(lintYaml(text), 'lint/ports-only-rule')).toEqual([]);
  });
});
