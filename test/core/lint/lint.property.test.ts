/**
 * Properties of the lint on random clusters: it never throws (no rule, not even inside
 * lintCluster's safety net), every warning is well formed, the output is deterministic, and the
 * warnings that claim "this changes nothing" are true: removing a redundant rule, or a peer that
 * selects nothing from a rule with other peers, leaves every verdict as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEvaluator,
  importManifests,
  lintCluster,
  LINT_CODES,
  type ClusterModel,
  type NetworkPolicy,
  type Protocol,
} from '../../../src/core/index.ts';
import { LINT_RULES } from '../../../src/core/lint/lint.ts';
import { createLintContext } from '../../../src/core/lint/context.ts';
import { networkPolicyToManifest, serializeManifests } from '../../../src/core/parse/index.ts';
import { clusterArb, EXTERNAL_IPS, PROBE_PORTS } from '../evaluate/arbitrary-cluster.ts';
import { networkPolicyArb } from '../arbitraries.ts';

/** Every verdict between the model's pods (and the probe addresses) on the probe ports. */
function verdicts(model: ClusterModel): string {
  const evaluator = createEvaluator(model);
  const ends = [...model.pods.map((p) => p.id), ...EXTERNAL_IPS];
  const out: string[] = [];
  for (const from of ends) {
    for (const to of ends) {
      if (from === to || (!from.includes('/') && !to.includes('/'))) continue;
      for (const protocol of ['TCP', 'UDP'] as Protocol[]) {
        for (const port of PROBE_PORTS) out.push(evaluator.verdict(from, to, protocol, port).allowed ? '1' : '0');
      }
    }
  }
  return out.join('');
}

function withPolicy(model: ClusterModel, index: number, edit: (p: NetworkPolicy) => NetworkPolicy): ClusterModel {
  return { ...model, policies: model.policies.map((p, i) => (i === index ? edit(p) : p)) };
}

/** `spec.ingress[2]` → ['ingress', 2]; `spec.egress[0].to[1].podSelector` → ['egress', 0, 1]. */
function ruleAt(path: string): { direction: 'ingress' | 'egress'; rule: number; peer?: number } {
  const m = /^spec\.(ingress|egress)\[(\d+)\](?:\.(?:from|to)\[(\d+)\])?/.exec(path);
  if (!m) throw new Error(`unexpected path ${path}`);
  return { direction: m[1] as 'ingress' | 'egress', rule: Number(m[2]), ...(m[3] !== undefined ? { peer: Number(m[3]) } : {}) };
}

describe('lintCluster on random clusters', () => {
  it('never throws, in any rule, and gives well-formed, deterministic warnings', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const ctx = createLintContext(model, createEvaluator(model));
        for (const rule of LINT_RULES) rule(ctx);
        const warnings = lintCluster(model);
        const podIds = new Set(model.pods.map((p) => p.id));
        for (const w of warnings) {
          expect(LINT_CODES).toContain(w.code);
          expect(w.severity).toBe('warning');
          expect(w.message.length).toBeGreaterThan(20);
          expect(w.fix.length).toBeGreaterThan(10);
          for (const id of w.pods ?? []) expect(podIds.has(id)).toBe(true);
        }
        expect(lintCluster(model)).toEqual(warnings);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('is right that removing a redundant rule changes no verdict', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const before = verdicts(model);
        for (const w of lintCluster(model).filter((x) => x.code === 'lint/redundant-rule')) {
          const index = model.policies.findIndex((p) => `${p.namespace}/${p.name}` === w.policy);
          const { direction, rule } = ruleAt(w.path ?? '');
          const edited = withPolicy(model, index, (p) => ({
            ...p,
            spec: { ...p.spec, [direction]: (p.spec[direction] ?? []).filter((_, i) => i !== rule) },
          }));
          expect(verdicts(edited), `${w.policy} ${w.path}`).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('is right that a peer selecting nothing admits nobody (removing it from a rule with other peers changes no verdict)', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        const before = verdicts(model);
        for (const w of lintCluster(model).filter((x) => x.code === 'lint/peer-selects-nothing')) {
          const index = model.policies.findIndex((p) => `${p.namespace}/${p.name}` === w.policy);
          const { direction, rule, peer } = ruleAt(w.path ?? '');
          const field = direction === 'ingress' ? 'from' : 'to';
          const policy = model.policies[index];
          const peers = (policy?.spec[direction]?.[rule] as Record<string, unknown[] | undefined> | undefined)?.[field] ?? [];
          if (peers.length < 2) continue;
          const edited = withPolicy(model, index, (p) => ({
            ...p,
            spec: {
              ...p.spec,
              [direction]: (p.spec[direction] ?? []).map((r, i) =>
                i === rule ? { ...r, [field]: ((r as Record<string, unknown[]>)[field] ?? []).filter((_, j) => j !== peer) } : r,
              ),
            },
          }));
          expect(verdicts(edited), `${w.policy} ${w.path}`).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('points every warning inside the text it was imported from', () => {
    fc.assert(
      fc.property(fc.array(networkPolicyArb, { minLength: 1, maxLength: 4 }), (policies) => {
        const text = serializeManifests(policies.map(networkPolicyToManifest));
        const files = [{ name: 'random.yaml', text }];
        const { model } = importManifests(files);
        const lines = text.split('\n').length;
        for (const w of lintCluster(model, undefined, { files })) {
          expect(w.file).toBe('random.yaml');
          expect(w.line).toBeGreaterThanOrEqual(1);
          expect(w.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
