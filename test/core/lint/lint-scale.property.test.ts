/**
 * The lint context checks selectors only against the classes a label index says could match
 * (issue #6: 3,000 peers over 3,000 inferred pods took seconds). Every question it answers, and
 * every rule's findings, must be those of the straightforward context (context-reference.ts),
 * on random clusters and on policies pasted alone (inferred pods). lint/redundant-rule compares
 * rules through a per-rule index of their port entries (300 rules of 100 ports were quadratic):
 * it must report what comparing every entry of every pair reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { createLintContext, type LintContext } from '../../../src/core/lint/context.ts';
import { LINT_RULES } from '../../../src/core/lint/lint.ts';
import { lintRedundantRule } from '../../../src/core/lint/rules/redundant-rule.ts';
import { buildModel } from '../../../src/core/model/build.ts';
import type { ClusterModel, NetworkPolicyIngressRule, NetworkPolicyPeer, NetworkPolicyPort } from '../../../src/core/model/types.ts';
import { clusterArb } from '../evaluate/arbitrary-cluster.ts';
import { createLintContextReference } from './context-reference.ts';
import { lintRedundantRuleReference } from './redundant-rule-reference.ts';

const ids = (classes: readonly { pods: readonly { id: string }[] }[]) => classes.map((c) => c.pods.map((p) => p.id));

/** Every answer of the context, as plain data. */
function answers(ctx: LintContext) {
  return {
    classes: ids(ctx.classes),
    policies: ctx.policies.map((policy) => {
      const peers = [...(policy.ingress ?? []), ...(policy.egress ?? [])].flatMap((r) => r.peers ?? []);
      return {
        selected: ids(ctx.selectedClasses(policy)),
        peers: peers.map((peer) => ({
          classes: ids(ctx.peerClasses(peer)),
          namespaces: ctx.peerNamespaces(peer),
          anywhere: ctx.podSelectorNamespaces(peer),
        })),
      };
    }),
  };
}

function expectSameLint(model: ClusterModel): void {
  const evaluator = createEvaluator(model);
  const ctx = createLintContext(model, evaluator);
  const reference = createLintContextReference(model, evaluator);
  expect(answers(ctx)).toEqual(answers(reference));
  for (const rule of LINT_RULES) expect(rule(ctx)).toEqual(rule(reference));
}

describe('the indexed lint context answers as the straightforward one', () => {
  it('on random clusters', () => {
    fc.assert(fc.property(clusterArb, expectSameLint), { numRuns: 300 });
  }, 120_000);

  it('on their policies pasted alone (pods inferred from the selectors)', () => {
    fc.assert(
      fc.property(clusterArb, (model) => {
        if (model.policies.length > 0) expectSameLint(buildModel(model.policies));
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const), port: fc.constantFrom(80, 81, 443) }, { requiredKeys: ['port'] }),
  fc.record({ port: fc.constantFrom(1, 80), endPort: fc.constantFrom(81, 443, 65535) }),
  fc.record({ protocol: fc.constantFrom('TCP' as const, 'UDP' as const) }, { requiredKeys: [] }),
  fc.record({ port: fc.constantFrom('http', 'dns') }),
);
const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.constantFrom(
  { podSelector: { matchLabels: { app: 'a' } } },
  { podSelector: { matchLabels: { app: 'b' } } },
  { namespaceSelector: {} },
  { ipBlock: { cidr: '10.0.0.0/8' } },
);
const ruleArb: fc.Arbitrary<NetworkPolicyIngressRule> = fc.record(
  { from: fc.array(peerArb, { maxLength: 2 }), ports: fc.array(portArb, { maxLength: 4 }) },
  { requiredKeys: [] },
);

describe('lint/redundant-rule with indexed port entries', () => {
  it('reports what comparing every entry of every pair of rules reports', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 8 }), fc.array(ruleArb, { maxLength: 4 }), (ingress, egress) => {
        const model = buildModel([
          {
            kind: 'NetworkPolicy',
            name: 'p',
            namespace: 'default',
            spec: { podSelector: {}, ingress, egress: egress.map(({ from, ports }) => ({ ...(from ? { to: from } : {}), ...(ports ? { ports } : {}) })) },
          },
        ]);
        const ctx = createLintContext(model, createEvaluator(model));
        expect(lintRedundantRule(ctx)).toEqual(lintRedundantRuleReference(ctx));
      }),
      { numRuns: 1000 },
    );
  });
});
