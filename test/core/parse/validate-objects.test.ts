/**
 * What every object must get right: kind and apiVersion, metadata.name, namespace and label
 * syntax. Objects with errors stay out of the model, and an info says so.
 */
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/parse/index.ts';
import { at, expectIssueAt, importText, theIssue } from './helpers.ts';

describe('importManifests: kind and apiVersion', () => {
  it('reports a NetworkPolicy with the wrong apiVersion at the apiVersion value', () => {
    const text = 'apiVersion: v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}}\n';
    const issue = expectIssueAt(text, 'wrong-api-version', 'v1', 'apiVersion');
    expect(issue.message).toContain('networking.k8s.io/v1');
  });

  it('refuses extensions/v1beta1 NetworkPolicies, saying the version was removed', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}}\n';
    const result = importText(text);
    expect(theIssue(result, 'wrong-api-version').message).toContain('removed in Kubernetes 1.16');
    expect(result.model.policies).toEqual([]);
  });

  it.each([
    ['Namespace', 'apps/v1'],
    ['Pod', 'apps/v1'],
    ['Deployment', 'extensions/v1beta1'],
    ['StatefulSet', 'v1'],
    ['DaemonSet', 'apps/v1beta2'],
    ['ReplicaSet', 'v1'],
    ['ReplicationController', 'apps/v1'],
    ['Job', 'batch/v2alpha1'],
    ['CronJob', 'batch/v1beta1'],
  ])('reports %s with apiVersion %s', (kind, apiVersion) => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`;
    expect(importText(text).issues.filter((i) => i.code === 'wrong-api-version')).toHaveLength(1);
  });

  it('reports a missing kind at the top of the object', () => {
    const text = 'apiVersion: v1\nmetadata: {name: x}\n';
    expect(theIssue(importText(text), 'missing-kind')).toMatchObject({ line: 1, column: 1 });
  });

  it('reports a missing apiVersion', () => {
    expect(theIssue(importText('kind: Namespace\nmetadata: {name: x}\n'), 'missing-api-version').severity).toBe('error');
  });

  it('reports a misspelt kind of the model as an error with a suggestion, not as ignored', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: networkpolicy\nmetadata: {name: p}\n';
    const issue = expectIssueAt(text, 'unknown-kind', 'networkpolicy', 'kind');
    expect(issue.message).toContain('"NetworkPolicy"');
    expect(importText('apiVersion: apps/v1\nkind: Deployments\nmetadata: {name: p}\n').issues[0]?.code).toBe('unknown-kind');
  });
});

describe('importManifests: metadata', () => {
  it('reports a missing metadata.name at the metadata key', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  labels: {a: b}\n';
    expectIssueAt(text, 'missing-name', 'metadata', 'metadata.name');
  });

  it('uses generateName when there is no name, with an info', () => {
    const result = importText('apiVersion: v1\nkind: Pod\nmetadata: {generateName: worker-}\n');
    expect(theIssue(result, 'generated-name').severity).toBe('info');
    expect(result.model.pods.map((p) => p.name)).toEqual(['worker']);
  });

  it('reports an object without metadata', () => {
    expect(theIssue(importText('apiVersion: v1\nkind: Pod\nspec: {}\n'), 'missing-name').path).toBe('metadata');
  });

  it('reports a name that is not a DNS-1123 subdomain at the name', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\n';
    const issue = expectIssueAt(text, 'invalid-name', 'My_Pod', 'metadata.name');
    expect(issue.message).toContain('DNS-1123 subdomain');
  });

  it('accepts dotted names for most kinds but requires a DNS-1123 label for namespaces', () => {
    expect(importText('apiVersion: v1\nkind: Pod\nmetadata: {name: web.v1}\n').issues).toEqual([]);
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team.a}\n';
    expect(expectIssueAt(text, 'invalid-name', 'team.a').message).toContain('DNS-1123 label');
  });

  it('keeps an object with an invalid name as a warning when nameErrors is "warning"', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: use_underscores}\nspec: {podSelector: {}}\n';
    const result = importManifests([{ name: 'p.yaml', text }], { nameErrors: 'warning' });
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([['invalid-name', 'warning']]);
    expect(result.model.policies).toHaveLength(1);
  });

  it('reports a namespace that is not a DNS-1123 label', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: Team_A}\n';
    expectIssueAt(text, 'invalid-namespace', 'Team_A', 'metadata.namespace');
  });

  it('reports invalid label keys at the key and invalid values at the value', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
  labels:
    example.com/app/x: ok
    "": ok
    tier: -bad
    long: ${'x'.repeat(64)}
`;
    const result = importText(text);
    const problems = result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.line, i.column, i.path]);
    expect(problems).toEqual([
      ['invalid-label-key', 6, 5, 'metadata.labels["example.com/app/x"]'],
      ['invalid-label-key', 7, 5, 'metadata.labels[""]'],
      ['invalid-label-value', 8, 11, 'metadata.labels.tier'],
      ['invalid-label-value', 9, 11, 'metadata.labels.long'],
    ]);
    expect(result.model.pods).toEqual([]);
  });

  it('reports a label value that YAML reads as a boolean, saying to quote it', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels:\n    managed: true\n';
    expect(expectIssueAt(text, 'invalid-type', 'true').message).toContain('quote it: "true"');
  });

  it('says that a rejected object was not imported, at the object', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: Bad}\n';
    const info = theIssue(importText(text), 'object-rejected');
    expect(info).toMatchObject({ severity: 'info', line: 1, column: 1 });
    expect(info.message).toContain('Namespace Bad was not imported because of 1 error');
  });
});

describe('importManifests: Namespace objects', () => {
  it('reads labels and adds kubernetes.io/metadata.name', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels: {env: prod}\n';
    const ns = importText(text).model.namespaces[0];
    expect(ns).toMatchObject({ name: 'prod', declared: true, labels: { env: 'prod', 'kubernetes.io/metadata.name': 'prod' } });
  });

  it('warns when kubernetes.io/metadata.name is written with another value, and overrides it', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n    kubernetes.io/metadata.name: dev\n';
    const result = importText(text);
    expect(theIssue(result, 'metadata-name-label-overridden')).toMatchObject({ severity: 'warning', ...at(text, 'dev') });
    expect(result.model.namespaces[0]?.labels['kubernetes.io/metadata.name']).toBe('prod');
  });

  it('reports unknown top-level fields of a Namespace', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\nlabels: {a: b}\n';
    expect(expectIssueAt(text, 'unknown-field', 'labels').message).toContain('under "metadata"');
  });
});
