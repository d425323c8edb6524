/**
 * External addresses: the address space cut into atoms by every ipBlock, each atom decided
 * against every unit, then atoms with the same answers gathered into maximal sets.
 */
import { atomsOf, type IpRange } from '../model/ipset.ts';
import { formatIpSetLabel } from '../model/ipset-label.ts';
import type { CompiledPolicy, CompiledRule } from './compile.ts';
import { distinctIpBlockPeers } from './classes.ts';
import { ALL_ID, EMPTY_ID, UnionsBySlot } from './interner.ts';
import { rulePortSet, type IpEndpoint } from './match.ts';
import type { ClassContext } from './matrix.ts';
import type { ExternalSideData } from './matrix-data.ts';


/** Index of the atom containing `value` (atoms are sorted and cover the space without gaps). */
function atomIndex(atoms: readonly IpRange[], family: IpRange['family'], value: bigint): number {
  let lo = 0;
  let hi = atoms.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const atom = atoms[mid]!;
    if (atom.family < family || (atom.family === family && atom.start <= value)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Atom indices a rule's peers admit: every atom without peers, else those inside its ipBlocks. */
function admittedAtoms(rule: CompiledRule, atoms: readonly IpRange[]): Iterable<number> {
  if (rule.peers === undefined) return atoms.keys();
  const admitted = new Set<number>();
  for (const peer of rule.peers) {
    if (peer.kind !== 'ipBlock') continue;
    for (const range of peer.ips.ranges) {
      const last = atomIndex(atoms, range.family, range.end);
      for (let a = atomIndex(atoms, range.family, range.start); a <= last; a++) admitted.add(a);
    }
  }
  return admitted;
}

/** Atoms of one family with the same answers for every unit, gathered into one set each. */
function groupAtoms(atoms: readonly IpRange[], vectors: Int32Array[]): ExternalSideData[] {
  const groups = new Map<string, { ranges: IpRange[]; vector: Int32Array }>();
  atoms.forEach((atom, i) => {
    const vector = vectors[i]!;
    const key = `${atom.family}:${vector.join(',')}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { ranges: [atom], vector });
    else {
      const last = group.ranges[group.ranges.length - 1]!;
      if (last.end + 1n === atom.start) group.ranges[group.ranges.length - 1] = { ...last, end: atom.end };
      else group.ranges.push(atom);
    }
  });
  return [...groups.values()].map(({ ranges, vector }) => {
    const set = { ranges };
    return {
      range: { set, family: ranges[0]!.family, label: formatIpSetLabel(set) },
      units: vector,
    };
  });
}

export function computeExternal(
  ctx: ClassContext,
  policies: readonly CompiledPolicy[],
  unitClasses: readonly (readonly number[])[],
): { ingress: ExternalSideData[]; egress: ExternalSideData[] } {
  const atoms = atomsOf(distinctIpBlockPeers(policies).map((p) => p.ips));
  const admitted = new Map<CompiledRule, readonly number[]>();
  const admittedBy = (rule: CompiledRule): readonly number[] => {
    let list = admitted.get(rule);
    if (!list) admitted.set(rule, (list = [...admittedAtoms(rule, atoms)]));
    return list;
  };
  const anyAddress: IpEndpoint = { kind: 'ip', ip: '', parsed: { family: 4, value: 0n } };

  /** Per atom, per class: what the address may open towards the class (ingress) or the class towards it (egress). */
  const perAtomAndClass = (direction: 'ingress' | 'egress'): Int32Array[] => {
    const { groups, groupOf } = ctx[direction];
    const perGroup = groups.map(({ policies, representative }) => {
      if (policies.length === 0) return new Int32Array(atoms.length).fill(ALL_ID);
      const vector = new UnionsBySlot(atoms.length);
      for (const policy of policies) {
        for (const rule of policy[direction] ?? []) {
          // Named ports never match an address; towards a pod they resolve against it.
          const ports = ctx.interner.intern(rulePortSet(rule, direction === 'egress' ? anyAddress : ctx.classes.representatives[representative]!));
          for (const a of admittedBy(rule)) vector.add(a, ports);
        }
      }
      return vector.result(ctx.interner);
    });
    return atoms.map((_, a) => {
      const result = new Int32Array(groupOf.length);
      for (let c = 0; c < groupOf.length; c++) result[c] = perGroup[groupOf[c]!]![a]!;
      return result;
    });
  };

  const toUnits = (classVector: Int32Array): Int32Array => {
    const units = new Int32Array(unitClasses.length);
    for (let u = 0; u < unitClasses.length; u++) {
      const classes = unitClasses[u]!;
      let id = classVector[classes[0] ?? 0] ?? EMPTY_ID;
      for (let k = 1; k < classes.length; k++) id = ctx.interner.union(id, classVector[classes[k]!]!);
      units[u] = classes.length === 0 ? EMPTY_ID : id;
    }
    return units;
  };

  return {
    ingress: groupAtoms(atoms, perAtomAndClass('ingress').map(toUnits)),
    egress: groupAtoms(atoms, perAtomAndClass('egress').map(toUnits)),
  };
}
