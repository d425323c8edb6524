/**
 * The reachability matrix of a whole model: for every ordered pair of units (pods or workloads)
 * the set of connections allowed, plus external address ranges. Computed per class of
 * identical pods with interned port sets, so a cell costs a table look-up.
 */
import type { ClusterModel, Pod } from '../model/types.ts';
import type { PortSet } from '../model/portset.ts';
import { subtractPorts } from '../model/portset.ts';
import type { CompiledPolicy, CompiledRule } from './compile.ts';
import { groupPodClasses, namedPortsKey, RuleTargets, type PodClasses } from './classes.ts';
import { ALL_ID, PortSetInterner, UnionsBySlot } from './interner.ts';
import { rulePortSet, type MatchOptions, type PodEndpoint } from './match.ts';
import { computePortClasses } from './port-classes.ts';
import { computeExternal } from './external.ts';
import type { MatrixData, MatrixSideData } from './matrix-data.ts';
import type { Direction, Granularity, HalfOpen, MatrixUnit, ReachabilityMatrix } from './types.ts';

export interface MatrixInput {
  readonly model: ClusterModel;
  readonly policies: readonly CompiledPolicy[];
  readonly toEndpoint: (pod: Pod) => PodEndpoint;
  readonly options: MatchOptions;
}

/** Everything known per class: its policies, and the interned allowed set per rule. */
export interface ClassContext {
  readonly classes: PodClasses;
  readonly interner: PortSetInterner;
  readonly targets: RuleTargets;
  /** Classes grouped by the policies that select them for egress. */
  readonly egress: PolicyGroups;
  /** Classes grouped by the policies that select them for ingress and by their named ports. */
  readonly ingress: PolicyGroups;
  /** Interned port set the rule allows towards destination class `dst`. */
  rulePorts(rule: CompiledRule, dst: number): number;
}

/**
 * Classes that the same policies select (and, for ingress, that declare the same named ports)
 * get the same row or column: compute it once per group.
 */
export interface PolicyGroups {
  readonly groupOf: Int32Array;
  /** Per group: the selecting policies (empty: not isolated) and one member class. */
  readonly groups: readonly { readonly policies: readonly CompiledPolicy[]; readonly representative: number }[];
}

function groupClasses(perClass: readonly (readonly CompiledPolicy[])[], extraKey: (cls: number) => string): PolicyGroups {
  const byKey = new Map<string, number>();
  const groups: { policies: readonly CompiledPolicy[]; representative: number }[] = [];
  const groupOf = new Int32Array(perClass.length);
  perClass.forEach((policies, cls) => {
    const key = policies.length === 0 ? '' : `${policies.map((p) => p.id).join('\u0000')}|${extraKey(cls)}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = groups.length;
      byKey.set(key, group);
      groups.push({ policies, representative: cls });
    }
    groupOf[cls] = group;
  });
  return { groupOf, groups };
}

/**
 * Per class, the policies that select it for the direction, in policy order (as
 * `Evaluator.selectingPolicies` lists them): each policy looks up its classes in a label index,
 * rather than every class testing every policy of its namespace.
 */
function selectingPerClass(policies: readonly CompiledPolicy[], targets: RuleTargets, classCount: number, direction: Direction): CompiledPolicy[][] {
  const perClass: CompiledPolicy[][] = Array.from({ length: classCount }, () => []);
  for (const policy of policies) {
    if ((direction === 'ingress' ? policy.ingress : policy.egress) === undefined) continue;
    for (const cls of targets.selectedBy(policy)) perClass[cls]!.push(policy);
  }
  return perClass;
}

function createClassContext(input: MatrixInput, endpoints: readonly PodEndpoint[]): ClassContext {
  const classes = groupPodClasses(endpoints, input.policies, input.options);
  const interner = new PortSetInterner();
  const targets = new RuleTargets(classes, input.options);
  const reps = classes.representatives;
  const fixedPorts = new Map<CompiledRule, number>();
  const namedPorts = new Map<string, number>();
  const namedKeyOf = reps.map(namedPortsKey);
  const ruleIds = new Map<CompiledRule, number>();
  return {
    classes,
    interner,
    targets,
    egress: groupClasses(selectingPerClass(input.policies, targets, reps.length, 'egress'), () => ''),
    ingress: groupClasses(selectingPerClass(input.policies, targets, reps.length, 'ingress'), (cls) => namedKeyOf[cls]!),
    rulePorts(rule, dst) {
      if (!rule.hasNamedPorts) {
        let id = fixedPorts.get(rule);
        if (id === undefined) {
          id = interner.intern(rulePortSet(rule, reps[dst]!));
          fixedPorts.set(rule, id);
        }
        return id;
      }
      let ruleId = ruleIds.get(rule);
      if (ruleId === undefined) ruleIds.set(rule, (ruleId = ruleIds.size));
      const key = `${ruleId}|${namedKeyOf[dst]}`;
      let id = namedPorts.get(key);
      if (id === undefined) {
        id = interner.intern(rulePortSet(rule, reps[dst]!));
        namedPorts.set(key, id);
      }
      return id;
    },
  };
}

/**
 * Per egress group, per destination class: what its policies allow (`allowed`) and what its rules
 * singling out that class allow (`targeted`, leaving out rules that admit every pod); null when
 * no policy isolates the group.
 */
function computeEgressSide(ctx: ClassContext): MatrixSideData {
  const n = ctx.classes.representatives.length;
  const allowed: (Int32Array | null)[] = [];
  const targeted: (Int32Array | null)[] = [];
  for (const { policies } of ctx.egress.groups) {
    if (policies.length === 0) {
      allowed.push(null);
      targeted.push(null);
      continue;
    }
    const row = new UnionsBySlot(n);
    const single = new UnionsBySlot(n);
    for (const policy of policies) {
      for (const rule of policy.egress ?? []) {
        for (const dst of ctx.targets.classesOf(rule)) {
          const ports = ctx.rulePorts(rule, dst);
          row.add(dst, ports);
          if (!rule.admitsEveryPod) single.add(dst, ports);
        }
      }
    }
    allowed.push(row.result(ctx.interner));
    targeted.push(single.result(ctx.interner));
  }
  return { groupOf: ctx.egress.groupOf, allowed, targeted };
}

/** The same per ingress group, per source class. */
function computeIngressSide(ctx: ClassContext): MatrixSideData {
  const n = ctx.classes.representatives.length;
  const allowed: (Int32Array | null)[] = [];
  const targeted: (Int32Array | null)[] = [];
  for (const { policies, representative } of ctx.ingress.groups) {
    if (policies.length === 0) {
      allowed.push(null);
      targeted.push(null);
      continue;
    }
    const column = new UnionsBySlot(n);
    const single = new UnionsBySlot(n);
    for (const policy of policies) {
      for (const rule of policy.ingress ?? []) {
        const ports = ctx.rulePorts(rule, representative);
        for (const src of ctx.targets.classesOf(rule)) {
          column.add(src, ports);
          if (!rule.admitsEveryPod) single.add(src, ports);
        }
      }
    }
    allowed.push(column.result(ctx.interner));
    targeted.push(single.result(ctx.interner));
  }
  return { groupOf: ctx.ingress.groupOf, allowed, targeted };
}

function unitsOf(model: ClusterModel, granularity: Granularity, podIndex: Map<string, number>, classOfPod: Int32Array) {
  const kindOfWorkload = new Map(model.workloads.map((w) => [w.id, w.kind]));
  if (granularity === 'pod') {
    const units: MatrixUnit[] = model.pods.map((pod) => ({
      id: pod.id,
      namespace: pod.namespace,
      name: pod.name,
      kind: pod.fromTemplate ? (kindOfWorkload.get(pod.workloadId) ?? 'Pod') : 'Pod',
      workloadId: pod.workloadId,
    }));
    return { units, unitClasses: model.pods.map((_, i) => [classOfPod[i]!]) };
  }
  const units: MatrixUnit[] = model.workloads.map((w) => ({
    id: w.id,
    namespace: w.namespace,
    name: w.name,
    kind: w.kind,
    workloadId: w.id,
  }));
  const unitClasses = model.workloads.map((w) => [
    ...new Set(w.podIds.map((id) => classOfPod[podIndex.get(id) ?? -1]).filter((c): c is number => c !== undefined)),
  ]);
  return { units, unitClasses };
}

/** The matrix as plain data (see matrix-data.ts). */
export function computeMatrixData(input: MatrixInput, granularity: Granularity): MatrixData {
  const { model } = input;
  const endpoints = model.pods.map(input.toEndpoint);
  const ctx = createClassContext(input, endpoints);
  const n = ctx.classes.representatives.length;
  const egress = computeEgressSide(ctx);
  const ingress = computeIngressSide(ctx);

  const cells = new Int32Array(n * n);
  // Read once: the loop runs n² times, and under a CommonJS transform (the CLI's) every use of an
  // imported binding is a property read.
  const all = ALL_ID;
  const columns = Array.from(ingress.groupOf, (g) => ingress.allowed[g] ?? null);
  for (let src = 0; src < n; src++) {
    const row = egress.allowed[egress.groupOf[src]!];
    for (let dst = 0; dst < n; dst++) {
      const out = row ? row[dst]! : all;
      const column = columns[dst];
      cells[src * n + dst] = column ? ctx.interner.intersect(out, column[src]!) : out;
    }
  }

  const podIndex = new Map(model.pods.map((p, i) => [p.id, i]));
  const { units, unitClasses } = unitsOf(model, granularity, podIndex, ctx.classes.classOfPod);
  const portClasses = computePortClasses(input.policies, endpoints);
  const external = computeExternal(ctx, input.policies, unitClasses);
  return {
    granularity,
    units,
    portClasses,
    portSets: ctx.interner.table(),
    classCount: n,
    cells,
    unitClasses,
    egress,
    ingress,
    ingressFromExternal: external.ingress,
    egressToExternal: external.egress,
  };
}

/** The half-open part of a pair (see HalfOpen); both sets empty when the pair is not half-open. */
export function halfOpenOf(sides: ReturnType<ReachabilityMatrix['sides']>): HalfOpen {
  return {
    egressOnly: subtractPorts(sides.egress.targeted, sides.ingress.ports),
    ingressOnly: subtractPorts(sides.ingress.targeted, sides.egress.ports),
  };
}
