import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/index.ts';
import {
  checkIpBlock,
  checkPolicyPort,
  clusterKey,
  parseLabelsText,
  parsePortsText,
  patchClusterDocuments,
  renderClusterObject,
  type DrawnWorkload,
} from '../../../src/core/generate/cluster-docs.ts';

const web: DrawnWorkload = {
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  labels: { app: 'web' },
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
};

describe('renderClusterObject', () => {
  it('writes a Deployment the importer reads back as the same workload', () => {
    const text = renderClusterObject(web);
    const { model, issues } = importManifests([{ name: 'c.yaml', text }]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const w = model.workloads.find((x) => x.id === 'shop/web');
    expect(w?.kind).toBe('Deployment');
    expect(w?.labels).toEqual({ app: 'web' });
    expect(w?.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });

  it('writes Pods, StatefulSets, DaemonSets and Namespaces without errors', () => {
    const texts = [
      renderClusterObject({ ...web, kind: 'Pod' }),
      renderClusterObject({ ...web, kind: 'StatefulSet', name: 'db' }),
      renderClusterObject({ ...web, kind: 'DaemonSet', name: 'agent' }),
      renderClusterObject({ kind: 'Namespace', name: 'shop', labels: { team: 'a' } }),
    ];
    const { model, issues } = importManifests(texts.map((text, i) => ({ name: `f${i}.yaml`, text })));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.namespaces.find((n) => n.name === 'shop')?.labels.team).toBe('a');
    expect(model.workloads.map((w) => w.kind).sort()).toEqual(['DaemonSet', 'Pod', 'StatefulSet']);
  });
});

describe('patchClusterDocuments', () => {
  const handWritten = '# my namespace\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop # keep\n';

  it('appends a new document and keeps the others byte for byte', () => {
    const out = patchClusterDocuments(handWritten, { upsert: [web] });
    expect(out.startsWith(handWritten)).toBe(true);
    expect(out.slice(handWritten.length)).toBe(`---\n${renderClusterObject(web)}`);
  });

  it('writes into an empty file without a marker', () => {
    expect(patchClusterDocuments('', { upsert: [web] })).toBe(renderClusterObject(web));
  });

  it('replaces the document with the same kind, namespace and name in place', () => {
    const text = patchClusterDocuments(handWritten, { upsert: [web] }) + '# tail\n';
    const moved = { ...web, labels: { app: 'web', tier: 'front' } };
    const out = patchClusterDocuments(text, { upsert: [moved] });
    expect(out).toBe(`${handWritten}---\n${renderClusterObject(moved)}# tail\n`);
  });

  it('deletes a document by key, keeping its neighbours', () => {
    const text = patchClusterDocuments(handWritten, { upsert: [web] });
    expect(patchClusterDocuments(text, { remove: [clusterKey('Deployment', 'shop', 'web')] })).toBe(handWritten);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = handWritten.replace(/\n/g, '\r\n');
    const out = patchClusterDocuments(crlf, { upsert: [web] });
    expect(out.startsWith(crlf)).toBe(true);
    expect(out.includes('\n') && !/[^\r]\n/.test(out)).toBe(true);
  });
});

describe('validation as the user types', () => {
  it('reads labels and reports bad syntax and duplicates', () => {
    expect(parseLabelsText('app=web, tier: front')).toEqual({ labels: { app: 'web', tier: 'front' } });
    expect(parseLabelsText('app=web,app=x').problem).toMatch(/twice/);
    expect(parseLabelsText('-bad=x').problem).toMatch(/Label key/);
    expect(parseLabelsText('app=no spaces').problem).toMatch(/Label value/);
  });

  it('reads ports and reports ranges, names and duplicates', () => {
    expect(parsePortsText('http:8080, 53/UDP').ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
    expect(parsePortsText('70000').problem).toMatch(/between 1 and 65535/);
    expect(parsePortsText('http:80, http:81').problem).toMatch(/used twice/);
    expect(parsePortsText('Http:80').problem).toMatch(/Port name/);
    expect(parsePortsText('80, 80').problem).toMatch(/given twice/);
  });

  it('checks policy port ranges and CIDRs', () => {
    expect(checkPolicyPort(80, 90)).toBeUndefined();
    expect(checkPolicyPort(90, 80)).toMatch(/below/);
    expect(checkIpBlock('10.0.0.0/8', ['10.1.0.0/16'])).toBeUndefined();
    expect(checkIpBlock('10.0.0.0/33', [])).toMatch(/not a CIDR/);
    expect(checkIpBlock('10.0.0.0/8', ['11.0.0.0/16'])).toMatch(/inside/);
  });
});
