import { describe, expect, it } from 'vitest';
import { at, deployment, docs, lintYaml, theWarning, withCode } from './helpers.ts';

const cluster = [deployment('api', { app: 'api' }), deployment('web', { app: 'web' }), deployment('admin', { app: 'admin' })];
const policy = (rules: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-in
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
${rules}`;

describe('lint/redundant-rule', () => {
  it('warns on a rule whose peers and ports are all inside an earlier rule', () => {
    const text = docs(
      ...cluster,
      policy(`  - from:
    - podSelector: {matchLabels: {app: web}}
    - podSelector: {matchLabels: {app: admin}}
    ports:
    - port: 8000
      endPort: 9000
  - from:
    - podSelector: {matchLabels: {app: web}}
    ports:
    - port: 8080`),
    );
    const warning = theWarning(lintYaml(text), 'lint/redundant-rule');
    expect(warning).toMatchObject({ path: 'spec.ingress[1]', policy: 'default/api-in', pods: ['default/api'] });
    expect(warning.line).toBe(at(text, 'from:', '  - from:\n    - podSelector: {matchLabels: {app: web}}\n    ports:\n    - port: 8080').line);
    expect(warning.message).toContain('ingress rule 1');
  });

  it('reports the later of two identical rules only', () => {
    const rule = `  - from:\n    - podSelector: {matchLabels: {app: web}}`;
    const warnings = withCode(lintYaml(docs(...cluster, policy(`${rule}\n${rule}`))), 'lint/redundant-rule');
    expect(warnings.map((w) => w.path)).toEqual(['spec.ingress[1]']);
  });

  it('treats a rule without peers or ports as containing every other rule', () => {
    const text = docs(...cluster, policy(`  - {}\n  - from:\n    - podSelector: {matchLabels: {app: web}}`));
    expect(theWarning(lintYaml(text), 'lint/redundant-rule').path).toBe('spec.ingress[1]');
  });

  it('says nothing when each rule allows something the other does not', () => {
    const text = docs(
      ...cluster,
      policy(`  - from:
    - podSelector: {matchLabels: {app: web}}
    ports:
    - port: 80
  - from:
    - podSelector: {matchLabels: {app: web}}
    ports:
    - port: 80
      protocol: UDP
  - from:
    - podSelector: {matchLabels: {app: admin}}`),
    );
    expect(withCode(lintYaml(text), 'lint/redundant-rule')).toEqual([]);
  });
});
