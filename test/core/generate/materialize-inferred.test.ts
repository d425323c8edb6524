import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchClusterDocuments } from '../../../src/core/generate/cluster-docs.ts';
import { createEvaluator, diffReachability, importManifests, inferredPodManifests } from '../../../src/core/index.ts';
import { networkPolicyToManifest, serializeManifests } from '../../../src/core/parse/serialize.ts';
import { clusterArb } from '../evaluate/arbitrary-cluster.ts';

function stateOf(files: { name: string; text: string }[]) {
  const { model } = importManifests(files);
  return { model, evaluator: createEvaluator(model) };
}

describe('inferredPodManifests', () => {
  it('writes pods that keep every verdict of the inferred ones, on random policy-only pastes', () => {
    fc.assert(
      fc.property(clusterArb, ({ policies }) => {
        const pasted = [{ name: 'policies.yaml', text: serializeManifests(policies.map(networkPolicyToManifest)) }];
        const before = stateOf(pasted);
        const objects = inferredPodManifests(before.model);
        if (policies.length === 0) expect(objects).toEqual([]);
        const written = [...pasted, { name: 'cluster.yaml', text: patchClusterDocuments('', { upsert: objects }) }];
        const after = stateOf(written);
        expect(after.model.inferredPods).toBe(false);
        expect(after.model.workloads.map((w) => w.id)).toEqual(before.model.workloads.map((w) => w.id));
        expect(diffReachability(before, after)).toEqual({ added: [], removed: [] });
      }),
      { numRuns: 200 },
    );
  });
});
