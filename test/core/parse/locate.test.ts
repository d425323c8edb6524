/**
 * locateField: where a field of a document is, for the UI to highlight a rule or a peer.
 */
import { describe, expect, it } from 'vitest';
import { locateField } from '../../../src/core/parse/index.ts';
import { at } from './helpers.ts';

const text = `apiVersion: v1
kind: Namespace
metadata: {name: a}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  labels: {"app.kubernetes.io/name": x}
spec:
  podSelector: {}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: a}}
  - from:
    - ipBlock:
        cidr: 10.0.0.0/8
`;
const file = { name: 'p.yaml', text };

describe('locateField', () => {
  it('finds a rule of a policy in the second document', () => {
    expect(locateField(file, 1, 'spec.ingress[1]')).toMatchObject({ file: 'p.yaml', ...at(text, 'from:', 2) });
  });

  it('points at the key of a mapping entry and spans to the end of its value', () => {
    const pos = locateField(file, 1, 'spec.ingress[1].from[0].ipBlock.cidr');
    expect(pos).toMatchObject(at(text, 'cidr'));
    const end = at(text, '10.0.0.0/8');
    expect(pos).toMatchObject({ endLine: end.line, endColumn: end.column + '10.0.0.0/8'.length });
  });

  it('reads quoted keys in paths', () => {
    expect(locateField(file, 1, 'metadata.labels["app.kubernetes.io/name"]')).toMatchObject(at(text, '"app.kubernetes.io'));
  });

  it('gives the document itself for an empty path', () => {
    expect(locateField(file, 1, '')).toMatchObject(at(text, 'apiVersion: networking'));
  });

  it('returns undefined for a missing path, document or a malformed path', () => {
    expect(locateField(file, 1, 'spec.egress')).toBeUndefined();
    expect(locateField(file, 5, 'spec')).toBeUndefined();
    expect(locateField(file, 1, 'spec..x')).toBeUndefined();
  });

  it('finds items of a List and fields of JSON', () => {
    const json = JSON.stringify({ kind: 'List', items: [{ kind: 'Pod' }, { kind: 'Namespace', metadata: { name: 'n' } }] }, null, 2);
    expect(locateField({ name: 'l.json', text: json }, 0, 'items[1].metadata.name')).toMatchObject(at(json, '"name"'));
  });

  it('still locates fields in the valid documents of a file with a broken one', () => {
    const broken = `kind: [\n---\n${text}`;
    expect(locateField({ name: 'b.yaml', text: broken }, 2, 'spec.podSelector')).toMatchObject(at(broken, 'podSelector'));
  });
});
