/**
 * External addresses: the address space cut into atoms by every ipBlock, each atom decided
 * against every unit, then neighbouring atoms with the same answers merged into maximal ranges.
 */
import { atomsOf, containsIp, formatIpRangeLabel, type IpRange } from '../model/ipset.ts';
import type { PortSet } from '../model/portset.ts';
import type { CompiledPolicy, CompiledRule } from './compile.ts';
import { distinctIpBlockPeers } from './classes.ts';
import { ALL_ID, EMPTY_ID } from './interner.ts';
import { rulePortSet, type IpEndpoint } from './match.ts';
import type { ClassContext } from './matrix.ts';
import type { ExternalRange } from './types.ts';

export interface ExternalSide {
  readonly range: ExternalRange;
  connections(unit: number): PortSet;
}

function ruleAdmitsAddress(rule: CompiledRule, address: IpEndpoint): boolean {
  return rule.peers === undefined || rule.peers.some((p) => p.kind === 'ipBlock' && containsIp(p.ips, address.parsed));
}

function addressOf(range: IpRange): IpEndpoint {
  return { kind: 'ip', ip: '', parsed: { family: range.family, value: range.start } };
}

/** Per atom, per unit: the interned set allowed, merged into maximal ranges. */
function mergeAtoms(ctx: ClassContext, atoms: readonly IpRange[], vectors: Int32Array[]): ExternalSide[] {
  const out: ExternalSide[] = [];
  let i = 0;
  while (i < atoms.length) {
    let j = i + 1;
    const vector = vectors[i]!;
    while (
      j < atoms.length &&
      atoms[j]!.family === atoms[i]!.family &&
      vectors[j]!.every((v, k) => v === vector[k])
    ) {
      j++;
    }
    const range: IpRange = { family: atoms[i]!.family, start: atoms[i]!.start, end: atoms[j - 1]!.end };
    out.push({
      range: { range, label: formatIpRangeLabel(range) },
      connections: (unit) => ctx.interner.get(vector[unit] ?? EMPTY_ID),
    });
    i = j;
  }
  return out;
}

export function computeExternal(
  ctx: ClassContext,
  policies: readonly CompiledPolicy[],
  unitClasses: readonly (readonly number[])[],
): { ingress: ExternalSide[]; egress: ExternalSide[] } {
  const atoms = atomsOf(distinctIpBlockPeers(policies).map((p) => p.ips));
  const ipPorts = new Map<CompiledRule, number>();
  const portsTowardsAddress = (rule: CompiledRule, address: IpEndpoint): number => {
    let id = ipPorts.get(rule);
    if (id === undefined) ipPorts.set(rule, (id = ctx.interner.intern(rulePortSet(rule, address))));
    return id;
  };
  const classCount = ctx.classes.representatives.length;

  const perClass = (atom: IpRange, direction: 'ingress' | 'egress'): Int32Array => {
    const address = addressOf(atom);
    const result = new Int32Array(classCount);
    const cache = new Map<string, number>();
    for (let c = 0; c < classCount; c++) {
      const policies = direction === 'egress' ? ctx.egressPolicies[c]! : ctx.ingressPolicies[c]!;
      if (policies.length === 0) {
        result[c] = ALL_ID;
        continue;
      }
      const key = direction === 'egress' ? policies.map((p) => p.id).join('\u0000') : undefined;
      const cached = key === undefined ? undefined : cache.get(key);
      if (cached !== undefined) {
        result[c] = cached;
        continue;
      }
      let id = EMPTY_ID;
      for (const policy of policies) {
        for (const rule of (direction === 'egress' ? policy.egress : policy.ingress) ?? []) {
          if (!ruleAdmitsAddress(rule, address)) continue;
          id = ctx.interner.union(id, direction === 'egress' ? portsTowardsAddress(rule, address) : ctx.rulePorts(rule, c));
        }
      }
      if (key !== undefined) cache.set(key, id);
      result[c] = id;
    }
    return result;
  };

  const toUnits = (classVector: Int32Array): Int32Array =>
    Int32Array.from(unitClasses, (classes) =>
      classes.reduce((acc, c) => ctx.interner.union(acc, classVector[c]!), EMPTY_ID),
    );

  return {
    ingress: mergeAtoms(ctx, atoms, atoms.map((a) => toUnits(perClass(a, 'ingress')))),
    egress: mergeAtoms(ctx, atoms, atoms.map((a) => toUnits(perClass(a, 'egress')))),
  };
}
