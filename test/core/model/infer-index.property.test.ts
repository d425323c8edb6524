/**
 * The label indexes that keep thousands of peers against thousands of pods linear (issue #6) give
 * exactly what a scan gives: LabelIndex's candidates hold every match, IndexedLabels returns the
 * scan's items in the scan's order, and inferPods builds the same model as the straightforward
 * inference (test/core/model/infer-reference.ts) over a small vocabulary where selectors collide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedLabels } from '../../../src/core/evaluate/classes.ts';
import { buildModel } from '../../../src/core/model/build.ts';
import { inferPods } from '../../../src/core/model/infer.ts';
import { LabelIndex } from '../../../src/core/model/infer-index.ts';
import { matchesSelector } from '../../../src/core/model/selector.ts';
import type { LabelSelector, Labels, NetworkPolicy, NetworkPolicyPeer } from '../../../src/core/model/types.ts';
import { inferPodsReference } from './infer-reference.ts';

const keyArb = fc.constantFrom('app', 'tier', 'team', 'kubernetes.io/metadata.name');
const valueArb = fc.constantFrom('a', 'b', 'c', '', 'shop');
const labelsArb: fc.Arbitrary<Labels> = fc.dictionary(keyArb, valueArb, { maxKeys: 3 });
const selectorArb: fc.Arbitrary<LabelSelector> = fc.record(
  {
    matchLabels: labelsArb,
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({ key: keyArb, operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.array(valueArb, { minLength: 1, maxLength: 3 }) }),
        fc.record({ key: keyArb, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

describe('LabelIndex and IndexedLabels', () => {
  it('candidates hold every label set the selector matches, ascending', () => {
    fc.assert(
      fc.property(fc.array(labelsArb, { maxLength: 30 }), selectorArb, (sets, selector) => {
        const index = new LabelIndex();
        for (const labels of sets) index.add(labels);
        const candidates = index.candidates(selector);
        const matches = sets.flatMap((labels, i) => (matchesSelector(selector, labels) ? [i] : []));
        if (candidates === undefined) return;
        expect([...candidates]).toEqual([...candidates].sort((a, b) => a - b));
        expect(new Set(candidates).size).toBe(candidates.length);
        for (const i of matches) expect(candidates).toContain(i);
      }),
      { numRuns: 500 },
    );
  });

  it('matching gives the scan: the same items in the same order', () => {
    fc.assert(
      fc.property(fc.array(labelsArb, { maxLength: 30 }), fc.option(selectorArb, { nil: undefined }), (sets, selector) => {
        const entries = sets.map((labels, i) => ({ item: `item-${i}`, labels }));
        const match = (labels: Labels) => (selector ? matchesSelector(selector, labels) : true);
        expect(new IndexedLabels(entries).matching(selector, match)).toEqual(entries.filter((e) => match(e.labels)).map((e) => e.item));
      }),
      { numRuns: 500 },
    );
  });
});

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: selectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: selectorArb }),
);

const policyArb = (i: number): fc.Arbitrary<NetworkPolicy> =>
  fc
    .record({
      namespace: fc.constantFrom('default', 'shop', 'a'),
      podSelector: selectorArb,
      ingress: fc.array(fc.record({ from: fc.array(peerArb, { maxLength: 4 }) }), { maxLength: 2 }),
      egress: fc.array(fc.record({ to: fc.array(peerArb, { maxLength: 4 }) }), { maxLength: 2 }),
    })
    .map(({ namespace, podSelector, ingress, egress }) => ({
      kind: 'NetworkPolicy' as const,
      name: `p${i}`,
      namespace,
      spec: { podSelector, ingress, egress },
    }));

describe('inferPods with label indexes', () => {
  it('infers the same namespaces, pods and workloads as the straightforward inference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(i)))),
        (policies) => {
          const model = buildModel(policies, [], { inferPods: false });
          expect(inferPods(model)).toEqual(inferPodsReference(model));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names many pods of the same base as the straightforward inference (resuming the suffix)', () => {
    const peers = Array.from({ length: 40 }, (_, i) => ({
      podSelector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: `k${i}`, operator: 'Exists' as const }] },
    }));
    const model = buildModel([{ kind: 'NetworkPolicy', name: 'p', namespace: 'default', spec: { podSelector: {}, ingress: [{ from: peers }] } }], [], {
      inferPods: false,
    });
    const inferred = inferPods(model);
    expect(inferred).toEqual(inferPodsReference(model));
    expect(inferred.pods.map((p) => p.name)).toContain('x-40');
  });
});
