import { describe, expect, it } from 'vitest';
import { setLabelsInText } from '../../../src/core/generate/set-labels.ts';

const POD = `# the web pod
apiVersion: v1
kind: Pod
metadata:
  name: web   # keep me
  namespace: shop
  labels:
    app: web
    tier: "front"
spec:
  containers: [{name: c, image: nginx}]
`;

function patch(text: string, edits: { key: string; value: string | null }[], path = 'metadata.labels', doc = 0): string {
  const result = setLabelsInText(text, doc, path, edits);
  if ('problem' in result) throw new Error(result.problem);
  return result.text;
}

describe('setLabelsInText', () => {
  it('changes a value in place, keeping every other byte', () => {
    expect(patch(POD, [{ key: 'app', value: 'api' }])).toBe(POD.replace('    app: web', '    app: api'));
    expect(patch(POD, [{ key: 'tier', value: 'back' }])).toBe(POD.replace('"front"', 'back'));
  });

  it('quotes values YAML would read as something else', () => {
    expect(patch(POD, [{ key: 'app', value: 'true' }])).toContain('    app: "true"\n');
    expect(patch(POD, [{ key: 'version', value: '1.0' }])).toContain('    version: "1.0"\n');
    expect(patch(POD, [{ key: 'empty', value: '' }])).toContain('    empty: ""\n');
  });

  it('adds a label after the last one, at the same indentation', () => {
    expect(patch(POD, [{ key: 'app.kubernetes.io/part-of', value: 'shop' }])).toBe(
      POD.replace('    tier: "front"\n', '    tier: "front"\n    app.kubernetes.io/part-of: shop\n'),
    );
  });

  it('removes a label line, and leaves {} when the last one goes', () => {
    expect(patch(POD, [{ key: 'tier', value: null }])).toBe(POD.replace('    tier: "front"\n', ''));
    expect(patch(POD, [{ key: 'tier', value: null }, { key: 'app', value: null }])).toBe(POD.replace('  labels:\n    app: web\n    tier: "front"\n', '  labels: {}\n'));
  });

  it('creates the labels mapping when the object has none', () => {
    const bare = POD.replace('  labels:\n    app: web\n    tier: "front"\n', '');
    expect(patch(bare, [{ key: 'app', value: 'web' }])).toBe(POD.replace('  labels:\n    app: web\n    tier: "front"\n', '').replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    app: web\n'));
  });

  it('creates missing parents (a pod template without metadata)', () => {
    const deployment = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n';
    expect(patch(deployment, [{ key: 'app', value: 'web' }], 'spec.template.metadata.labels')).toBe(
      'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n    metadata:\n      labels:\n        app: web\n',
    );
  });

  it('edits flow mappings in their own style', () => {
    const flow = 'kind: Pod\nmetadata: { name: web, labels: { app: web, tier: front } }\n';
    expect(patch(flow, [{ key: 'app', value: 'api' }])).toBe('kind: Pod\nmetadata: { name: web, labels: { app: api, tier: front } }\n');
    expect(patch(flow, [{ key: 'env', value: 'prod' }])).toBe('kind: Pod\nmetadata: { name: web, labels: { app: web, tier: front, env: prod } }\n');
    expect(patch(flow, [{ key: 'app', value: null }])).toBe('kind: Pod\nmetadata: { name: web, labels: { tier: front } }\n');
    expect(patch(flow, [{ key: 'tier', value: null }])).toBe('kind: Pod\nmetadata: { name: web, labels: { app: web } }\n');
    expect(patch('kind: Pod\nmetadata: { name: web }\n', [{ key: 'app', value: 'web' }])).toBe('kind: Pod\nmetadata: { name: web, labels: {app: web} }\n');
    expect(patch('kind: Pod\nmetadata: { name: web, labels: {} }\n', [{ key: 'app', value: 'web' }])).toBe('kind: Pod\nmetadata: { name: web, labels: {app: web} }\n');
  });

  it('edits JSON manifests as JSON', () => {
    const json = '{\n  "kind": "Pod",\n  "metadata": {\n    "name": "web",\n    "labels": {\n      "app": "web"\n    }\n  }\n}\n';
    const added = patch(json, [{ key: 'tier', value: 'front' }]);
    expect(added).toBe(json.replace('"app": "web"', '"app": "web",\n      "tier": "front"'));
    expect(JSON.parse(patch(json, [{ key: 'app', value: 'api' }]))).toEqual({ kind: 'Pod', metadata: { name: 'web', labels: { app: 'api' } } });
    expect(JSON.parse(patch(json, [{ key: 'app', value: null }]))).toEqual({ kind: 'Pod', metadata: { name: 'web', labels: {} } });
  });

  it('edits the right document of a multi-document file and objects inside a List', () => {
    const two = `${POD}---\n${POD.replace('name: web', 'name: db').replace('app: web', 'app: db')}`;
    const result = patch(two, [{ key: 'app', value: 'cache' }], 'metadata.labels', 1);
    expect(result.split('---\n')[0]).toBe(POD);
    expect(result.split('---\n')[1]).toContain('    app: cache\n');
    const list = 'kind: List\nitems:\n- kind: Pod\n  metadata:\n    name: a\n    labels:\n      app: a\n';
    expect(patch(list, [{ key: 'app', value: 'b' }], 'items[0].metadata.labels')).toBe(list.replace('app: a', 'app: b'));
  });

  it('keeps CRLF line breaks', () => {
    const crlf = POD.replace(/\n/g, '\r\n');
    expect(patch(crlf, [{ key: 'env', value: 'prod' }])).toBe(crlf.replace('    tier: "front"\r\n', '    tier: "front"\r\n    env: prod\r\n'));
  });

  it('gives a labels key with no value a mapping', () => {
    expect(patch('kind: Pod\nmetadata:\n  name: web\n  labels:\n', [{ key: 'app', value: 'web' }])).toBe('kind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n');
    expect(patch('kind: Pod\nmetadata:\n  name: web\n  labels: null\n', [{ key: 'app', value: 'web' }])).toBe('kind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n');
  });

  it('says why when the text cannot be patched', () => {
    expect(setLabelsInText('kind: Pod\nmetadata: [\n', 0, 'metadata.labels', [{ key: 'a', value: 'b' }])).toHaveProperty('problem');
    expect(setLabelsInText('kind: Pod\nmetadata:\n  labels: [a]\n', 0, 'metadata.labels', [{ key: 'a', value: 'b' }])).toHaveProperty('problem');
  });
});
