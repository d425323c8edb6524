import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../src/core/index.ts';
import { documentRangeAt, policyAtLine } from '../../src/ui/yaml/policy-at-cursor.ts';

const lines = (text: string) => Text.of(text.split('\n'));

const text = [
  /* 1 */ 'apiVersion: v1',
  /* 2 */ 'kind: Pod',
  /* 3 */ 'metadata: {name: web, namespace: shop, labels: {app: web}}',
  /* 4 */ '---',
  /* 5 */ '# the deny-all policy',
  /* 6 */ 'apiVersion: networking.k8s.io/v1',
  /* 7 */ 'kind: NetworkPolicy',
  /* 8 */ 'metadata: {name: deny-all, namespace: shop}',
  /* 9 */ 'spec:',
  /* 10 */ '  podSelector: {}',
  /* 11 */ '---',
  /* 12 */ 'apiVersion: networking.k8s.io/v1',
  /* 13 */ 'kind: NetworkPolicyList',
  /* 14 */ 'items:',
  /* 15 */ '- apiVersion: networking.k8s.io/v1',
  /* 16 */ '  kind: NetworkPolicy',
  /* 17 */ '  metadata: {name: one, namespace: shop}',
  /* 18 */ '  spec: {podSelector: {}}',
  /* 19 */ '- apiVersion: v1',
  /* 20 */ '  kind: Pod',
  /* 21 */ '  metadata: {name: db, namespace: shop}',
  /* 22 */ '- apiVersion: networking.k8s.io/v1',
  /* 23 */ '  kind: NetworkPolicy',
  /* 24 */ '  metadata: {name: two, namespace: shop}',
  /* 25 */ '  spec: {podSelector: {}}',
  /* 26 */ '---',
  /* 27 */ 'apiVersion: networking.k8s.io/v1',
  /* 28 */ 'kind: NetworkPolicy',
  /* 29 */ 'metadata: {name: Bad_Name, namespace: shop}',
  /* 30 */ 'spec: {podSelector: {}}',
].join('\n');

describe('documentRangeAt', () => {
  it('bounds a document by its --- markers (the marker belongs to the document it opens)', () => {
    const doc = lines(text);
    expect(documentRangeAt(doc, 2)).toEqual({ startLine: 1, endLine: 3 });
    expect(documentRangeAt(doc, 4)).toEqual({ startLine: 4, endLine: 10 });
    expect(documentRangeAt(doc, 30)).toEqual({ startLine: 26, endLine: 30 });
  });
  it('does not take "--- " inside a line or indented for a marker', () => {
    const doc = lines('a: |\n  ---\nb: "---"\n---x\n');
    expect(documentRangeAt(doc, 4)).toEqual({ startLine: 1, endLine: 5 });
  });
});

describe('policyAtLine', () => {
  const { model } = importManifests([{ name: 'f.yaml', text }]);
  const doc = lines(text);
  const at = (line: number) => policyAtLine(model, 'f.yaml', doc, line);

  it('finds the policy of the document under the cursor, comments and --- included', () => {
    expect([4, 5, 6, 8, 10].map(at)).toEqual(Array(5).fill('shop/deny-all'));
  });
  it('finds nothing in a Pod document', () => {
    expect([1, 2, 3].map(at)).toEqual([undefined, undefined, undefined]);
  });
  it('tells the items of a List apart', () => {
    expect(at(14)).toBeUndefined();
    expect(at(16)).toBe('shop/one');
    expect(at(18)).toBe('shop/one');
    expect(at(20)).toBeUndefined();
    expect(at(24)).toBe('shop/two');
  });
  it('does not give the text of a rejected policy to the policy before it', () => {
    expect(model.policies.map((p) => p.name)).not.toContain('Bad_Name');
    expect(at(28)).toBeUndefined();
  });
  it('only looks at the given file', () => {
    expect(policyAtLine(model, 'other.yaml', doc, 8)).toBeUndefined();
  });
});
