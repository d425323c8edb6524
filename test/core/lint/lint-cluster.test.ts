import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests, isLintWarning, lintCluster, LINT_CODES } from '../../../src/core/index.ts';

const example = (id: string, file: string) => ({ name: file, text: readFileSync(resolve(__dirname, '../../../examples', id, file), 'utf8') });

describe('lintCluster', () => {
  const files = [example('seed-all', 'cluster.yaml'), example('seed-all', 'policies.yaml')];
  const { model } = importManifests(files);

  it('teaches about the seed: DNS blocked for the pods isolated for egress, api and db left open', () => {
    const warnings = lintCluster(model, createEvaluator(model), { files });
    expect(warnings.map((w) => `${w.file}:${w.line} ${w.code} ${(w.pods ?? []).join(',')}`)).toEqual([
      'cluster.yaml:69 lint/partial-coverage default/api,default/db',
      'policies.yaml:42 lint/dns-blocked-tcp default/frontend',
      'policies.yaml:42 lint/dns-blocked-udp default/frontend',
      'policies.yaml:62 lint/dns-blocked-tcp default/backend',
      'policies.yaml:62 lint/dns-blocked-udp default/backend',
    ]);
    for (const w of warnings) {
      expect(isLintWarning(w)).toBe(true);
      expect(LINT_CODES).toContain(w.code);
    }
  });

  it('points at the start of the object when the texts are not given', () => {
    const warnings = lintCluster(model);
    const dns = warnings.find((w) => w.code === 'lint/dns-blocked-udp' && w.policy === 'default/allow-egress-database');
    const policy = model.policies.find((p) => p.name === 'allow-egress-database');
    expect(dns).toMatchObject({ file: 'policies.yaml', line: policy?.source?.line, column: policy?.source?.column });
    expect(dns?.endLine).toBeUndefined();
  });

  it('finds the field inside a List item and in JSON', () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: api-allow}
  spec:
    podSelector: {matchLabels: {app: api}}
    ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
    - ports: [{port: 8080}]
`;
    const policy = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api-allow' },
      spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: {} }] }, { ports: [{ port: 8080 }] }] },
    };
    const json = JSON.stringify(policy, null, 2);
    const jsonLine = json.split('\n').findIndex((l) => l.includes('"ports"')) + 1;
    for (const [name, text, line] of [['list.yaml', list, 11], ['p.json', json, jsonLine]] as const) {
      const files = [{ name, text }];
      const warning = lintCluster(importManifests(files).model, undefined, { files }).find((w) => w.code === 'lint/ports-only-rule');
      expect(warning, name).toMatchObject({ file: name, line, path: 'spec.ingress[1].ports' });
    }
  });

  it('says nothing when there are no policies', () => {
    expect(lintCluster(importManifests([example('seed-all', 'cluster.yaml')]).model)).toEqual([]);
  });

  it('gives plain serialisable data (the UI may compute it in a worker)', () => {
    const warnings = lintCluster(model, undefined, { files });
    expect(JSON.parse(JSON.stringify(warnings))).toEqual(warnings);
  });
});
