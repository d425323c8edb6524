/**
 * lint/redundant-rule: a rule that allows nothing another rule of the same policy and direction
 * does not already allow. Conservative on purpose: every peer of the rule must be written the
 * same way in the other rule (or the other rule admits every peer, or every pod), and every port
 * entry must lie inside one of the other rule's entries. Of two identical rules, the later one is
 * reported.
 */
import type { CompiledPort, CompiledRule } from '../../evaluate/compile.ts';
import { isEmptySelector } from '../../model/selector.ts';
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { rulePairs, type RulePair } from './compiled.ts';

/** A peer with an empty namespaceSelector and no (or an empty) podSelector: every pod of every namespace. */
function admitsEveryPod(rule: RulePair): boolean {
  return (rule.written.peers ?? []).some(
    (p) => p.namespaceSelector !== undefined && isEmptySelector(p.namespaceSelector) && (!p.podSelector || isEmptySelector(p.podSelector)),
  );
}

/**
 * What a rule covers, prepared once per rule (not per pair of rules): its peer keys, and its port
 * entries per protocol sorted by start with the running maximum of their ends, so "one entry
 * contains this range" is a binary search (a policy of 300 rules of 100 ports was quadratic).
 */
interface Cover {
  readonly peerKeys?: ReadonlySet<string>;
  readonly everyPod: boolean;
  /** Absent: every port. */
  readonly ports?: {
    readonly ranges: ReadonlyMap<string, { readonly from: readonly number[]; readonly maxTo: readonly number[] }>;
    readonly named: ReadonlySet<string>;
    /** Protocols with an entry of exactly every port (1-65535), which holds any named port. */
    readonly full: ReadonlySet<string>;
  };
}

function coverOf(rule: RulePair): Cover {
  const peers = rule.compiled.peers;
  const ports = rule.compiled.ports;
  let portCover: Cover['ports'];
  if (ports !== undefined) {
    const byProtocol = new Map<string, { from: number; to: number }[]>();
    const named = new Set<string>();
    const full = new Set<string>();
    for (const q of ports) {
      if (q.kind === 'named') {
        named.add(`${q.protocol}/${q.name}`);
        continue;
      }
      if (q.from === 1 && q.to === 65535) full.add(q.protocol);
      const list = byProtocol.get(q.protocol);
      if (list) list.push({ from: q.from, to: q.to });
      else byProtocol.set(q.protocol, [{ from: q.from, to: q.to }]);
    }
    const ranges = new Map<string, { from: number[]; maxTo: number[] }>();
    for (const [protocol, list] of byProtocol) {
      list.sort((x, y) => x.from - y.from);
      let max = -Infinity;
      ranges.set(protocol, { from: list.map((r) => r.from), maxTo: list.map((r) => (max = Math.max(max, r.to))) });
    }
    portCover = { ranges, named, full };
  }
  return {
    ...(peers !== undefined ? { peerKeys: new Set(peers.map((p) => p.key)) } : {}),
    everyPod: admitsEveryPod(rule),
    ...(portCover ? { ports: portCover } : {}),
  };
}

function peersWithin(a: RulePair, b: Cover): boolean {
  const keys = b.peerKeys;
  if (keys === undefined) return true;
  if (a.compiled.peers === undefined) return false;
  return a.compiled.peers.every((p) => keys.has(p.key) || (b.everyPod && p.kind === 'selector'));
}

/** Whether one range entry of the protocol contains [from, to]. */
function rangeWithin(cover: NonNullable<Cover['ports']>, protocol: string, from: number, to: number): boolean {
  const ranges = cover.ranges.get(protocol);
  if (!ranges) return false;
  // The last entry starting at or before `from`; the entries up to it reach at most maxTo.
  let lo = 0;
  let hi = ranges.from.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges.from[mid]! <= from) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && ranges.maxTo[last]! >= to;
}

/**
 * Whether one entry of b holds the entry p: a range inside a range of its protocol; a named port
 * inside the same name and protocol, or an entry of every port of its protocol.
 */
function portWithin(p: CompiledPort, b: NonNullable<Cover['ports']>): boolean {
  if (p.kind === 'range') return rangeWithin(b, p.protocol, p.from, p.to);
  return b.named.has(`${p.protocol}/${p.name}`) || b.full.has(p.protocol);
}

function portsWithin(a: CompiledRule, b: Cover): boolean {
  const bPorts = b.ports;
  if (bPorts === undefined) return true;
  if (a.ports === undefined) return false;
  return a.ports.every((p) => portWithin(p, bPorts));
}

export function lintRedundantRule(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    const pairs = rulePairs(policy);
    const covers = new Map(pairs.map((r) => [r, coverOf(r)]));
    const within = (a: RulePair, b: RulePair) => peersWithin(a, covers.get(b)!) && portsWithin(a.compiled, covers.get(b)!);
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
