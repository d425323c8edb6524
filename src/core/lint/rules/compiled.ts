/** The compiled rules of a policy next to their written form (for semantic checks). */
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../../evaluate/compile.ts';
import type { NetworkPolicyPeer } from '../../model/types.ts';
import { DIRECTIONS, effectiveRules, type WrittenRule } from '../rules.ts';

export interface RulePair {
  readonly written: WrittenRule;
  readonly compiled: CompiledRule;
}

export interface PeerPair {
  readonly written: NetworkPolicyPeer;
  readonly compiled: CompiledPeer;
  /** `spec.ingress[0].from[1]` */
  readonly path: string;
  readonly rule: RulePair;
}

/** Every rule that counts (its direction is in the effective policyTypes), both forms. */
export function rulePairs(policy: CompiledPolicy): RulePair[] {
  const pairs: RulePair[] = [];
  for (const direction of DIRECTIONS) {
    const compiled = (direction === 'ingress' ? policy.ingress : policy.egress) ?? [];
    for (const written of effectiveRules(policy, direction)) {
      const rule = compiled[written.index];
      if (rule) pairs.push({ written, compiled: rule });
    }
  }
  return pairs;
}

/** Every peer of every rule that counts. */
export function peerPairs(policy: CompiledPolicy): PeerPair[] {
  const pairs: PeerPair[] = [];
  for (const rule of rulePairs(policy)) {
    const peers = rule.written.peers ?? [];
    rule.compiled.peers?.forEach((compiled, j) => {
      const written = peers[j];
      if (written) pairs.push({ written, compiled, path: `${rule.written.path}.${rule.written.peerField}[${j}]`, rule });
    });
  }
  return pairs;
}
