/**
 * Documents and files: multi-document YAML, JSON, Lists, ignored kinds, YAML errors that must
 * not lose the other documents, duplicates, and the seed example pasted with broken indentation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importManifests, parseManifests } from '../../../src/core/parse/index.ts';
import { conformanceDir } from '../../helpers/scenarios.ts';
import { at, errorsOf, importText, theIssue } from './helpers.ts';

const NS = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
const NP = (name: string, ns = 'default'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  podSelector: {}\n`;

describe('importManifests: documents', () => {
  it('reads every document of a multi-document YAML file', () => {
    const result = importText(`${NS('a')}---\n${NP('p1', 'a')}---\n${NP('p2', 'a')}`);
    expect(result.model.policies.map((p) => p.name)).toEqual(['p1', 'p2']);
    expect(result.model.namespaces.find((n) => n.name === 'a')?.declared).toBe(true);
  });

  it('records the source of each object: file, line, column and document index', () => {
    const text = `# leading comment\n---\n${NS('a')}---\n${NP('p1', 'a')}`;
    const policy = importText(text, 'x.yaml').model.policies[0];
    expect(policy?.source).toEqual({ file: 'x.yaml', documentIndex: 1, ...at(text, 'apiVersion: networking') });
  });

  it('skips empty documents and reports a file without objects as info', () => {
    expect(importText('---\n---\n').issues.map((i) => [i.code, i.severity])).toEqual([['no-objects', 'info']]);
    expect(importText('').issues.map((i) => i.code)).toEqual(['no-objects']);
    expect(importText('# only a comment\n').issues.map((i) => i.code)).toEqual(['no-objects']);
  });

  it('reads CRLF line endings, with positions on the right lines, even across a broken document', () => {
    const text = `${NS('a')}---\nkind: [\n---\n${NP('p', 'a').replace('podSelector', 'podselector')}`.replace(/\n/g, '\r\n');
    const result = importText(text);
    expect(result.model.namespaces.find((n) => n.name === 'a')?.declared).toBe(true);
    expect(theIssue(result, 'unknown-field')).toMatchObject(at(text, 'podselector'));
  });

  it('reads a JSON object', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'from-json' } }, null, 2);
    const result = importText(json, 'ns.json');
    expect(result.issues).toEqual([]);
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['from-json']);
  });

  it('reports JSON errors at the field', () => {
    const json = '{\n  "apiVersion": "networking.k8s.io/v1",\n  "kind": "NetworkPolicy",\n  "metadata": {"name": "p"},\n  "spec": {"podSelectr": {}}\n}\n';
    const issue = importText(json, 'p.json').issues.find((i) => i.code === 'unknown-field');
    expect(issue).toMatchObject({ path: 'spec.podSelectr', ...at(json, '"podSelectr"') });
  });

  it('reports a JSON syntax error with its position', () => {
    const json = '{\n  "kind": "Namespace",\n  "metadata": {"name": "a"} "x"\n}\n';
    const issue = theIssue(importText(json, 'bad.json'), 'yaml-syntax');
    expect(issue.line).toBe(3);
  });

  it('flattens a v1 List into its items, keeping their positions', () => {
    const text = `apiVersion: v1
kind: List
items:
- ${NS('a').replace(/\n/g, '\n  ').trimEnd()}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: p, namespace: a}
  spec: {podSelecter: {}}
`;
    const result = importText(text);
    const issue = result.issues.find((i) => i.code === 'unknown-field');
    expect(issue).toMatchObject({ path: 'spec.podSelecter', ...at(text, 'podSelecter') });
    const parsed = parseManifests({ name: 'l.yaml', text });
    expect(parsed.objects.map((o) => [o.kind, o.source.itemPath, o.status])).toEqual([
      ['Namespace', 'items[0]', 'accepted'],
      ['NetworkPolicy', 'items[1]', 'rejected'],
    ]);
  });

  it('flattens typed lists whose items omit kind and apiVersion (PodList, NamespaceList, NetworkPolicyList)', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'NamespaceList',
      items: [{ metadata: { name: 'a', labels: { team: 'x' } } }, { metadata: { name: 'b' } }],
    };
    const policies = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicyList',
      items: [{ metadata: { name: 'p', namespace: 'a' }, spec: { podSelector: {} } }],
    };
    const result = importManifests([
      { name: 'ns.json', text: JSON.stringify(list) },
      { name: 'np.json', text: JSON.stringify(policies) },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.model.namespaces.map((n) => [n.name, n.labels.team])).toEqual([
      ['a', 'x'],
      ['b', undefined],
    ]);
    expect(result.model.policies).toHaveLength(1);
  });

  it('flattens Lists nested in Lists, up to three levels', () => {
    const nest = (inner: object, depth: number): object => (depth === 0 ? inner : { apiVersion: 'v1', kind: 'List', items: [nest(inner, depth - 1)] });
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'deep' } };
    expect(importText(JSON.stringify(nest(ns, 3)), 'l.json').model.namespaces.map((n) => n.name)).toEqual(['deep']);
    expect(theIssue(importText(JSON.stringify(nest(ns, 4)), 'l.json'), 'list-too-deep').severity).toBe('error');
  });

  it('treats an empty List (items: null or []) as no objects', () => {
    expect(importText('apiVersion: v1\nkind: List\nitems: []\n').model.namespaces).toEqual([]);
    expect(importText('apiVersion: v1\nkind: PodList\nitems:\n').issues.map((i) => i.code)).toEqual(['no-objects']);
  });

  it('lists other kinds as ignored with an info, not an error', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n---\napiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: r}\n`;
    const result = importText(text);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['ignored-kind', 'info'],
      ['ignored-kind', 'info'],
    ]);
    expect(result.model.ignored.map((o) => [o.kind, o.name, o.namespace])).toEqual([
      ['Service', 'web', 'shop'],
      ['Route', 'r', undefined],
    ]);
    expect(result.issues[0]).toMatchObject(at(text, 'Service'));
  });

  it('puts objects without a namespace into default', () => {
    const result = importText(NP('p').replace('  namespace: default\n', ''));
    expect(result.model.policies[0]?.namespace).toBe('default');
    expect(result.model.namespaces.map((n) => [n.name, n.declared])).toEqual([['default', false]]);
  });

  it('uses the later of two definitions of the same object, with a warning at the later one', () => {
    const text = `${NP('p')}---\n${NP('p').replace('podSelector: {}', 'podSelector: {matchLabels: {a: b}}')}`;
    const result = importText(text);
    const issue = theIssue(result, 'duplicate-object');
    expect(issue).toMatchObject({ severity: 'warning', ...at(text, 'apiVersion', 2) });
    expect(result.model.policies).toHaveLength(1);
    expect(result.model.policies[0]?.spec.podSelector).toEqual({ matchLabels: { a: 'b' } });
  });
});

describe('importManifests: YAML errors', () => {
  it('reports a YAML syntax error at the parser mark and keeps the other documents', () => {
    const text = `${NS('a')}---\nkind: [unclosed\n---\n${NP('p', 'a')}`;
    const result = importText(text);
    const issue = theIssue(result, 'yaml-syntax');
    expect(issue.line).toBeGreaterThanOrEqual(at(text, 'kind: [unclosed').line);
    expect(issue.severity).toBe('error');
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(result.model.policies.map((p) => p.name)).toEqual(['p']);
  });

  it('keeps document indexes stable across a broken document', () => {
    const text = `${NS('a')}---\n: : :\n  - bad\n---\n${NS('b')}`;
    const ns = importText(text).model.namespaces.find((n) => n.name === 'b');
    expect(ns?.source?.documentIndex).toBe(2);
  });

  it('reports a duplicated key and keeps the other documents', () => {
    const text = `${NS('a')}---\napiVersion: v1\nkind: Namespace\nkind: Namespace\nmetadata: {name: b}\n`;
    const result = importText(text);
    expect(theIssue(result, 'duplicate-key')).toMatchObject(at(text, 'kind', 3));
    expect(result.model.namespaces.map((n) => n.name)).toEqual(['a']);
  });

  it('reports tabs used for indentation', () => {
    expect(errorsOf(importText('apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: a\n'))[0]?.code).toBe('yaml-syntax');
  });

  it('reports the seed example pasted with broken indentation at line 13 (conformance seed-1-as-printed)', () => {
    const file = `${conformanceDir}/cases/seed-1-as-printed.json`;
    const text = (JSON.parse(readFileSync(file, 'utf8')) as { policies: string }).policies;
    const errors = errorsOf(importText(text));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.line)).toContain(13);
    expect(errors[0]?.code).toBe('yaml-syntax');
  });

  it('reports a document that is not a mapping', () => {
    const text = `- a\n- b\n---\njust text\n`;
    const issues = importText(text).issues;
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ['not-a-mapping', 1],
      ['not-a-mapping', 4],
    ]);
  });

  it('reports a List item that is not a mapping', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- 42\n';
    expect(theIssue(importText(text), 'not-a-mapping')).toMatchObject(at(text, '42'));
  });
});
