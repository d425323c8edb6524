/**
 * lint/redundant-rule as it was: every pair of rules compared entry by entry (quadratic in the
 * port entries). lint-scale.property.test.ts checks the indexed rule finds exactly the same.
 */
import type { CompiledPort, CompiledRule } from '../../../src/core/evaluate/compile.ts';
import { isEmptySelector } from '../../../src/core/model/selector.ts';
import type { LintContext } from '../../../src/core/lint/context.ts';
import { podIdsOf } from '../../../src/core/lint/context.ts';
import type { LintFinding } from '../../../src/core/lint/types.ts';
import { rulePairs, type RulePair } from '../../../src/core/lint/rules/compiled.ts';

/** A peer with an empty namespaceSelector and no (or an empty) podSelector: every pod of every namespace. */
function admitsEveryPod(rule: RulePair): boolean {
  return (rule.written.peers ?? []).some(
    (p) => p.namespaceSelector !== undefined && isEmptySelector(p.namespaceSelector) && (!p.podSelector || isEmptySelector(p.podSelector)),
  );
}

function peersWithin(a: RulePair, b: RulePair): boolean {
  if (b.compiled.peers === undefined) return true;
  if (a.compiled.peers === undefined) return false;
  const keys = new Set(b.compiled.peers.map((p) => p.key));
  const everyPod = admitsEveryPod(b);
  return a.compiled.peers.every((p) => keys.has(p.key) || (everyPod && p.kind === 'selector'));
}

function portWithin(a: CompiledPort, b: CompiledPort): boolean {
  if (a.protocol !== b.protocol) return false;
  if (b.kind === 'range') return a.kind === 'range' ? a.from >= b.from && a.to <= b.to : b.from === 1 && b.to === 65535;
  return a.kind === 'named' && a.name === b.name;
}

function portsWithin(a: CompiledRule, b: CompiledRule): boolean {
  if (b.ports === undefined) return true;
  if (a.ports === undefined) return false;
  const bPorts = b.ports;
  return a.ports.every((p) => bPorts.some((q) => portWithin(p, q)));
}

const within = (a: RulePair, b: RulePair) => peersWithin(a, b) && portsWithin(a.compiled, b.compiled);

export function lintRedundantRuleReference(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    const pairs = rulePairs(policy);
    for (const a of pairs) {
      const cover = pairs.find(
        (b) =>
          b !== a &&
          b.written.direction === a.written.direction &&
          within(a, b) &&
          // Of two rules allowing the same, keep the first and report the later one.
          (!within(b, a) || b.written.index < a.written.index),
      );
      if (!cover) continue;
      const direction = a.written.direction;
      findings.push({
        code: 'lint/redundant-rule',
        policy: policy.policy,
        path: a.written.path,
        message:
          `This ${direction} rule (rule ${a.written.index + 1}) allows nothing that ${direction} rule ${cover.written.index + 1} of the same policy ` +
          `does not already allow: its peers and ports are all within that rule's. Rules are ORed, so it has no effect.`,
        fix: `Delete it; or, if it was meant to allow something more, check its peers and ports (a missing podSelector or port, or an extra dash).`,
        pods: podIdsOf(ctx.selectedClasses(policy)),
      });
    }
  }
  return findings;
}
