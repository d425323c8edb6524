/**
 * The precise edits of a hand-written rule: remove a peer, or narrow it to exclude one workload
 * or one address block, and nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRemovalChoice, narrowPeer } from '../../../src/core/generate/narrow.ts';
import { subtractBlocks } from '../../../src/core/generate/narrow-ip.ts';
import { effectivePolicyTypes } from '../../../src/core/evaluate/compile.ts';
import { ipSetOfIpBlock, subtractIps, unionIps, equalIps, EMPTY_IPS } from '../../../src/core/model/ipset.ts';
import { matchesSelector } from '../../../src/core/model/selector.ts';
import type { ClusterModel, IPBlock, LabelSelector, NetworkPolicyPeer, Pod } from '../../../src/core/model/types.ts';
import { formatCidr, parseCidr } from '../../../src/core/model/iptext.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { renderPolicy } from '../../../src/core/generate/render.ts';
import { ipBlockArb } from '../arbitraries.ts';
import { policy } from '../evaluate/fixture.ts';
import { drawableClusterArb } from './arbitrary-drawing.ts';
import { seedCluster } from './seed.ts';

const api = { kind: 'workload' as const, id: 'default/api' };

/** Whether a selector peer of a policy in `namespace` matches the pod. */
function selects(model: ClusterModel, peer: NetworkPolicyPeer, namespace: string, pod: Pod): boolean {
  const nsLabels = model.namespaces.find((n) => n.name === pod.namespace)?.labels ?? {};
  if (peer.namespaceSelector ? !matchesSelector(peer.namespaceSelector, nsLabels) : pod.namespace !== namespace) return false;
  return matchesSelector(peer.podSelector ?? {}, pod.labels);
}

describe('narrowPeer', () => {
  it('excludes a workload from a same-namespace selector with NotIn on its singling label', () => {
    expect(narrowPeer(seedCluster, { podSelector: {} }, api)).toEqual([
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] } },
    ]);
  });

  it('splits a cross-namespace peer into "other namespaces" and "other pods here"', () => {
    expect(narrowPeer(seedCluster, { namespaceSelector: {} }, api)).toEqual([
      { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['default'] }] } },
      { namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] } },
    ]);
  });

  it('says so when the peer selects only that workload', () => {
    expect(narrowPeer(seedCluster, { podSelector: { matchLabels: { app: 'api' } } }, api)).toBe('the peer selects only default/api: remove it instead');
  });

  it('excepts the workload’s pod IPs, or the drawn block, from an ipBlock', () => {
    expect(narrowPeer(seedCluster, { ipBlock: { cidr: '10.0.0.0/8' } }, api)).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.1.4/32'] } }]);
    expect(narrowPeer(seedCluster, { ipBlock: { cidr: '0.0.0.0/0' } }, { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] })).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } },
      { ipBlock: { cidr: '10.1.0.0/16' } },
    ]);
    expect(narrowPeer(seedCluster, { ipBlock: { cidr: '8.8.8.8/32' } }, { kind: 'anywhere' })).toMatch(/remove the peer instead/);
    expect(narrowPeer(seedCluster, { podSelector: {} }, { kind: 'anywhere' })).toMatch(/never matches addresses/);
  });

  it('matches exactly what the peer matched, minus the workload (property)', () => {
    const labels = fc.dictionary(fc.constantFrom('app', 'app.kubernetes.io/name', 'tier', 'team'), fc.constantFrom('web', 'db', 'a1', 'a2'), { maxKeys: 2 });
    const selector: fc.Arbitrary<LabelSelector> = fc.oneof(fc.constant({}), labels.map((matchLabels) => ({ matchLabels })));
    const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
      selector.map((podSelector) => ({ podSelector })),
      selector.map((namespaceSelector) => ({ namespaceSelector })),
      fc.record({ podSelector: selector, namespaceSelector: selector }),
    );
    fc.assert(
      fc.property(drawableClusterArb(), peerArb, fc.nat(), fc.constantFrom('x', 'y', 'z'), (model, peer, pick, namespace) => {
        const target = model.workloads[pick % model.workloads.length]!;
        const narrowed = narrowPeer(model, peer, { kind: 'workload', id: target.id });
        const before = model.pods.filter((p) => selects(model, peer, namespace, p));
        const expected = before.filter((p) => p.workloadId !== target.id);
        if (typeof narrowed === 'string') {
          expect(expected).toEqual([]);
          return;
        }
        const after = model.pods.filter((p) => narrowed.some((n) => selects(model, n, namespace, p)));
        expect(after.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      }),
      { numRuns: 500 },
    );
  });
});

/** A block inside `outer` (possibly equal to it), with maybe one except inside it. */
function innerArb(outer: string): fc.Arbitrary<IPBlock> {
  const c = parseCidr(outer)!;
  const bits = c.family === 4 ? 32 : 128;
  const inside = (from: { start: bigint; prefix: number }, min: number) =>
    fc.tuple(fc.integer({ min, max: bits }), fc.bigInt({ min: 0n, max: (1n << BigInt(bits - from.prefix)) - 1n })).map(([prefix, offset]) => {
      const host = BigInt(bits - prefix);
      return { start: ((from.start + offset) >> host) << host, prefix };
    });
  return inside(c, c.prefix).chain((b) =>
    b.prefix === bits
      ? fc.constant({ cidr: formatCidr(c.family, b.start, b.prefix) })
      : fc.option(inside(b, b.prefix + 1), { nil: undefined }).map((e) => ({
          cidr: formatCidr(c.family, b.start, b.prefix),
          ...(e ? { except: [formatCidr(c.family, e.start, e.prefix)] } : {}),
        })),
  );
}

describe('subtractBlocks', () => {
  it('leaves exactly the addresses of the block that the removed blocks do not hold, as valid ipBlocks', () => {
    const caseArb = ipBlockArb.chain((peer) => fc.tuple(fc.constant(peer), fc.array(fc.oneof(ipBlockArb, innerArb(peer.cidr)), { maxLength: 2 })));
    fc.assert(
      fc.property(caseArb, ([peer, removed]) => {
        const left = subtractBlocks(peer, removed);
        const set = (b: { cidr: string; except?: readonly string[] }) => ipSetOfIpBlock(b.cidr, b.except)!;
        const expected = removed.reduce((acc, r) => subtractIps(acc, set(r)), set(peer));
        expect(equalIps(left.map(set).reduce(unionIps, EMPTY_IPS), expected)).toBe(true);
        const text = left.map((ipBlock, i) => renderPolicy(policy(`x/p${i}`, { podSelector: {}, ingress: [{ from: [{ ipBlock }] }] }))).join('---\n');
        expect(importManifests([{ name: 'p.yaml', text }]).issues.filter((i) => i.severity !== 'info')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('applyRemovalChoice', () => {
  const pasted = policy('default/backend-in', {
    podSelector: { matchLabels: { app: 'backend' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }, { podSelector: {} }], ports: [{ port: 8080 }] }],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
  });

  it('removes a peer, then the rule when no peer is left', () => {
    const one = applyRemovalChoice(seedCluster, pasted, [{ direction: 'ingress', ruleIndex: 0, peerIndex: 0 }], 'remove-peer', api);
    expect('policy' in one && one.policy.spec.ingress).toEqual([{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }]);
    const targets = [0, 1].map((peerIndex) => ({ direction: 'ingress' as const, ruleIndex: 0, peerIndex }));
    const both = applyRemovalChoice(seedCluster, pasted, targets, 'remove-peer', api);
    expect('policy' in both && both.policy.spec.ingress).toEqual([]);
  });

  it('keeps isolating egress when its last egress rule goes', () => {
    const result = applyRemovalChoice(seedCluster, pasted, [{ direction: 'egress', ruleIndex: 0, peerIndex: 0 }], 'remove-peer', api);
    expect('policy' in result && result.policy.spec).toMatchObject({ egress: [], policyTypes: ['Ingress', 'Egress'] });
    expect('policy' in result && effectivePolicyTypes(result.policy)).toEqual(['Ingress', 'Egress']);
  });

  it('narrows every listed peer at once, or says why it cannot', () => {
    const targets = [0, 1].map((peerIndex) => ({ direction: 'ingress' as const, ruleIndex: 0, peerIndex }));
    expect(applyRemovalChoice(seedCluster, pasted, targets, 'narrow', api)).toEqual({ problem: 'the peer selects only default/api: remove it instead' });
    const narrowed = applyRemovalChoice(seedCluster, pasted, targets.slice(1), 'narrow', api);
    expect('policy' in narrowed && narrowed.policy.spec.ingress?.[0]?.from).toEqual([
      { podSelector: { matchLabels: { app: 'api' } } },
      { podSelector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] } },
    ]);
  });
});
