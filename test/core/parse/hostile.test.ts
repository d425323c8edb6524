/**
 * Hostile inputs end quickly with a clear error, never a throw or a hang: huge pastes, deep
 * nesting, alias bombs, binary data. (No timings are asserted: a hang would time the test out.)
 */
import { describe, expect, it } from 'vitest';
import { importManifests, parseManifests } from '../../../src/core/parse/index.ts';
import { errorsOf, importText, theIssue } from './helpers.ts';

describe('importManifests: hostile input', () => {
  it('refuses a 20 MB paste by size with one clear error, before parsing', () => {
    const text = 'a: b\n'.repeat(4 * 1024 * 1024);
    const result = importText(text, 'huge.yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'input-too-large', severity: 'error', file: 'huge.yaml', line: 1, column: 1 });
    expect(result.issues[0]?.message).toMatch(/over the limit of 10\.0 MiB/);
    expect(result.model.namespaces).toEqual([]);
  });

  it('counts the total of all files against the limit, and takes a custom limit', () => {
    const files = [
      { name: 'a.yaml', text: 'x'.repeat(600) },
      { name: 'b.yaml', text: 'y'.repeat(600) },
    ];
    expect(importManifests(files, { maxBytes: 1000 }).issues.map((i) => i.code)).toEqual(['input-too-large']);
    expect(parseManifests({ name: 'c.yaml', text: 'é'.repeat(600) }, { maxBytes: 1000 }).issues[0]?.code).toBe('input-too-large');
  });

  it('refuses 10,000 nested flow sequences', () => {
    const result = importText('['.repeat(10_000));
    expect(theIssue(result, 'yaml-too-deep').severity).toBe('error');
  });

  it('refuses 10,000 nested JSON arrays without overflowing the stack', () => {
    const result = importText(`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'deep.json');
    expect(errorsOf(result).length).toBeGreaterThan(0);
  });

  it('refuses 10,000 nested block mappings (48 MB of indentation, with the size limit raised)', () => {
    let text = '';
    for (let i = 0; i < 10_000; i++) text += `${' '.repeat(i)}a:\n`;
    const result = importManifests([{ name: 'deep.yaml', text }], { maxBytes: 64 * 1024 * 1024 });
    expect(theIssue(result, 'yaml-too-deep').line).toBeLessThan(200);
  });

  it('refuses 10,000 nested block sequences on one line', () => {
    expect(theIssue(importText(`${'- '.repeat(10_000)}a\n`), 'yaml-too-deep').severity).toBe('error');
  });

  it('refuses a billion-laughs alias bomb, keeping the other documents', () => {
    let bomb = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bomb\n  annotations:\n    a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) bomb += `    a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: fine}\n---\n${bomb}`;
    const result = importText(text);
    const issue = theIssue(result, 'yaml-alias-bomb');
    expect(issue.message).toContain('alias bomb');
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['fine']);
  });

  it('refuses an alias that refers to the node containing it (a cycle)', () => {
    const result = importText('apiVersion: v1\nkind: Namespace\nmetadata: &m\n  name: a\n  labels: *m\n');
    expect(theIssue(result, 'yaml-alias-bomb').message).toContain('cycle');
  });

  it('accepts ordinary anchors, aliases and merge keys', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
  labels: &labels {app: web}
spec:
  containers:
  - &c {name: c, ports: [{containerPort: 80}]}
  - *c
  initContainers:
  - {name: i, ports: [{containerPort: 81}]}
status:
  podIP: 10.0.0.1
  podIPs:
  - ip: 10.0.0.1
  - <<: {ip: 10.0.0.2}
---
apiVersion: v1
kind: Pod
metadata:
  name: b
  labels: {app: web, tier: db}
`;
    const result = importText(text);
    expect(result.issues).toEqual([]);
    expect(result.model.pods.map((p) => p.labels)).toEqual([{ app: 'web' }, { app: 'web', tier: 'db' }]);
    expect(result.model.pods[0]?.ips).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('reports binary data as not text', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(errorsOf(importText(bytes, 'image.png')).map((i) => i.code)).toEqual(['not-text']);
  });

  it('reports control characters without NUL as a YAML error', () => {
    expect(errorsOf(importText('kind: \u0001\u0002\u0003\n'))[0]?.code).toBe('yaml-syntax');
  });

  it('survives text that is not a string at run time', () => {
    const result = importManifests([{ name: 'x', text: 42 as unknown as string }]);
    expect(errorsOf(result).length).toBe(1);
  });

  it('reads the first 200 broken documents of a garbage file, then stops with an error', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: first}\n---\n${Array.from({ length: 2000 }, (_, i) => `kind: [${i}`).join('\n---\n')}`;
    const result = importText(text);
    expect(result.issues.filter((i) => i.code === 'yaml-syntax')).toHaveLength(200);
    expect(theIssue(result, 'too-many-yaml-errors').line).toBe(4 + 2 * 200);
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['first']);
  });

  it('stops after 200 documents that fail to construct (unknown aliases), keeping the valid ones', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: first}\n---\n${'a: *nowhere\n---\n'.repeat(50_000)}`;
    const result = importText(text);
    expect(result.issues.filter((i) => i.code === 'yaml-syntax')).toHaveLength(200);
    expect(theIssue(result, 'too-many-yaml-errors').severity).toBe('error');
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['first']);
  });

  it('refuses a file of more than 100,000 documents', () => {
    expect(importText('{}\n---\n'.repeat(100_001)).issues.map((i) => i.code)).toEqual(['too-many-documents']);
  });

  it('lists the first 1000 issues of a file and counts the rest', () => {
    const result = importText('- 1\n---\n'.repeat(1500));
    expect(result.issues).toHaveLength(1001);
    const last = result.issues[1000];
    expect(last).toMatchObject({ code: 'too-many-issues', severity: 'info' });
    expect(last?.message).toContain('500 more issues');
  });
});
