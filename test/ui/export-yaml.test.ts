import { describe, expect, it } from 'vitest';
import { importManifests, type ManifestFile } from '../../src/core/index.ts';
import { exportAll, exportFileName, kubectlApplySnippet, splitByNamespace } from '../../src/ui/shell/export-yaml.ts';

const NS_PROD = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n';
const POD_DEFAULT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n';
const POD_PROD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  namespace: prod\n  labels:\n    app: api\n';
const POLICY_PROD =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: prod\nspec:\n  podSelector: {}\n';

function split(files: ManifestFile[]) {
  return splitByNamespace(files, importManifests(files).model);
}

describe('splitByNamespace', () => {
  it('puts each document in the namespace of its object, a document without one in default', () => {
    const files = [
      { name: 'a.yaml', text: `${NS_PROD}---\n${POD_DEFAULT}---\n${POD_PROD}` },
      { name: 'b.yaml', text: POLICY_PROD },
    ];
    const result = split(files);
    expect(result.map((r) => [r.namespace, r.documents])).toEqual([
      ['default', 1],
      ['prod', 3],
    ]);
    expect(result[0]?.yaml).toBe(POD_DEFAULT);
    expect(result[1]?.yaml).toBe(`${NS_PROD}---\n${POD_PROD}---\n${POLICY_PROD}`);
  });

  it('skips a comment header and keeps comments inside a document', () => {
    const text = `# exported by hand\n---\n${POD_PROD}# trailing note\n---\n`;
    const result = split([{ name: 'a.yaml', text }]);
    expect(result).toEqual([{ namespace: 'prod', documents: 1, yaml: `${POD_PROD}# trailing note\n` }]);
  });

  it('puts a List in every namespace its items are in', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: a, namespace: x}',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: b, namespace: y}',
      '',
    ].join('\n');
    expect(split([{ name: 'l.yaml', text: list }]).map((r) => r.namespace)).toEqual(['x', 'y']);
  });

  it('sends a document the model has no object from to default', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Not_A_Name\n  namespace: prod\n';
    expect(split([{ name: 'a.yaml', text: broken }]).map((r) => r.namespace)).toEqual(['default']);
  });

  it('reads JSON files as one document', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j', namespace: 'json' } });
    expect(split([{ name: 'p.json', text: json }])).toEqual([{ namespace: 'json', documents: 1, yaml: `${json}\n` }]);
  });
});

describe('exportAll', () => {
  it('joins the files as one multi-document text', () => {
    expect(exportAll([{ name: 'a', text: 'a: 1' }, { name: 'b', text: 'b: 2\n' }])).toBe('a: 1\n---\nb: 2\n');
    expect(exportAll([])).toBe('');
  });
});

describe('kubectlApplySnippet', () => {
  it('wraps the YAML in a quoted here-document', () => {
    expect(kubectlApplySnippet('a: $HOME\n')).toBe("kubectl apply -f - <<'EOF'\na: $HOME\nEOF\n");
  });
  it('picks another delimiter when a line is EOF', () => {
    expect(kubectlApplySnippet('x: |\n  EOF\nEOF\n')).toContain("<<'EOF_2'\n");
  });
});

describe('exportFileName', () => {
  it('makes a file name of the title and namespace', () => {
    expect(exportFileName('Seed: all five policies')).toBe('seed-all-five-policies.yaml');
    expect(exportFileName('', 'prod')).toBe('netpol-canvas-prod.yaml');
  });
});
