/**
 * The serializer: policies back to manifests and YAML, keeping absent and empty apart, so that
 * importing what it writes gives the same policy back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../../../src/core/model/types.ts';
import { importManifests, networkPolicyToManifest, serializeManifests } from '../../../src/core/parse/index.ts';
import { networkPolicyArb } from '../arbitraries.ts';

function withoutSource(p: NetworkPolicy | undefined): unknown {
  if (!p) return p;
  const { source: _source, ...rest } = p;
  return rest;
}

describe('networkPolicyToManifest', () => {
  it('writes apiVersion, kind, metadata and spec in kubectl order, keeping empty lists', () => {
    const manifest = networkPolicyToManifest({
      kind: 'NetworkPolicy',
      name: 'deny',
      namespace: 'shop',
      spec: { podSelector: {}, ingress: [], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [] } }] }] },
    });
    expect(Object.keys(manifest)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(manifest).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny', namespace: 'shop' },
      spec: { podSelector: {}, ingress: [], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: [] } }] }] },
    });
  });
});

describe('serializeManifests', () => {
  it('writes multi-document YAML without anchors, quoting strings YAML would read otherwise', () => {
    const shared = { matchLabels: { enabled: 'true', version: '1.0' } };
    const yaml = serializeManifests([
      networkPolicyToManifest({ kind: 'NetworkPolicy', name: 'a', namespace: 'x', spec: { podSelector: shared } }),
      networkPolicyToManifest({ kind: 'NetworkPolicy', name: 'b', namespace: 'x', spec: { podSelector: shared } }),
    ]);
    expect(yaml).not.toContain('&');
    expect(yaml.split('---\n')).toHaveLength(2);
    expect(yaml).toContain("enabled: 'true'");
  });

  it('round-trips every valid NetworkPolicy through YAML and importManifests', () => {
    fc.assert(
      fc.property(fc.array(networkPolicyArb, { minLength: 1, maxLength: 3 }), (policies) => {
        const unique = policies.map((p, i) => ({ ...p, name: `${p.name}-${i}` }));
        const yaml = serializeManifests(unique.map(networkPolicyToManifest));
        const { model, issues } = importManifests([{ name: 'rt.yaml', text: yaml }]);
        expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
        const byName = new Map(model.policies.map((p) => [p.name, p]));
        for (const p of unique) expect(withoutSource(byName.get(p.name))).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });
});
