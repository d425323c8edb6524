/**
 * renderPolicies: readable YAML in kubectl's key order, with comments above rules, that imports
 * back to exactly the same policies for every valid NetworkPolicy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPolicies, renderPolicy } from '../../../src/core/generate/render.ts';
import { formatScalar } from '../../../src/core/generate/yaml-emit.ts';
import type { NetworkPolicy } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { networkPolicyArb } from '../arbitraries.ts';

const withoutSource = ({ source: _source, ...rest }: NetworkPolicy) => rest;

describe('renderPolicy', () => {
  it('writes kubectl key order, lists at their key’s indentation, and a comment above each rule', () => {
    const policy: NetworkPolicy = {
      kind: 'NetworkPolicy',
      name: 'allow-db-ingress',
      namespace: 'shop',
      labels: { 'app.kubernetes.io/managed-by': 'netpol-canvas' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }, {}],
      },
    };
    expect(renderPolicy(policy, { header: 'The flows drawn into shop/db.', ingress: ['allows api on TCP 5432', 'allows everyone'] })).toBe(
      [
        '# The flows drawn into shop/db.',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: allow-db-ingress',
        '  namespace: shop',
        '  labels:',
        '    app.kubernetes.io/managed-by: netpol-canvas',
        'spec:',
        '  podSelector:',
        '    matchLabels:',
        '      app: db',
        '  policyTypes:',
        '  - Ingress',
        '  ingress:',
        '  # allows api on TCP 5432',
        '  - from:',
        '    - podSelector:',
        '        matchLabels:',
        '          app: api',
        '    ports:',
        '    - protocol: TCP',
        '      port: 5432',
        '  # allows everyone',
        '  - {}',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings YAML would read as something else', () => {
    expect(['web', '8.8.8.8/32', 'a.b/c-d_e'].map(formatScalar)).toEqual(['web', '8.8.8.8/32', 'a.b/c-d_e']);
    expect(['true', 'No', 'null', '', '1e3', '0x1F', '007', '1.5', '2001-12-14', '::/0', "it's"].map(formatScalar)).toEqual([
      "'true'",
      "'No'",
      "'null'",
      "''",
      "'1e3'",
      "'0x1F'",
      "'007'",
      "'1.5'",
      "'2001-12-14'",
      "'::/0'",
      "'it''s'",
    ]);
  });
});

describe('renderPolicies', () => {
  it('round-trips every valid NetworkPolicy through importManifests, with no issue', () => {
    fc.assert(
      fc.property(fc.array(networkPolicyArb, { minLength: 1, maxLength: 3 }), (policies) => {
        const unique = policies.map((p, i) => ({ ...p, name: `${p.name}-${i}` }));
        const { model, issues } = importManifests([{ name: 'rt.yaml', text: renderPolicies(unique) }]);
        expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
        const byName = new Map(model.policies.map((p) => [p.name, withoutSource(p)]));
        for (const p of unique) expect(byName.get(p.name)).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });
});
