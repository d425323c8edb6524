/**
 * Drawn flows checked against the model: ends resolved (workloads singled out by labels,
 * address blocks made canonical) and ports turned into rule entries. A flow with an error is
 * left out and said so; the generator, the drawn-vs-actual check and flow removal all read
 * flows through here, so they agree on what a drawing means.
 */
import type { ClusterModel, Workload } from '../model/types.ts';
import { portSetOfEntries, portsOfIntent, type RulePorts } from './ports.ts';
import { ANYWHERE_BLOCKS, resolveIpBlock, type ResolvedEnd } from './ends.ts';
import type { FlowEnd, FlowIntent, GeneratorProblem } from './intent.ts';
import { selectWorkload } from './select-workload.ts';
import type { PortSet } from '../model/portset.ts';

export interface ResolvedFlow {
  /** Index in the intents given. */
  readonly index: number;
  readonly intent: FlowIntent;
  readonly source: ResolvedEnd;
  readonly destination: ResolvedEnd;
  readonly ports: RulePorts;
  /** The connections drawn, as the evaluator counts them (named ports resolved). */
  readonly portSet: PortSet;
}

export interface FlowResolver {
  resolve(intents: readonly FlowIntent[]): { flows: ResolvedFlow[]; problems: GeneratorProblem[] };
}

export interface ResolverOptions {
  /**
   * Compute the selector that singles out each workload (default true). The drawn-vs-actual
   * check turns it off: it needs only what was drawn, even for workloads no selector singles out
   * (their selector is then `{}`, never used).
   */
  readonly singleOut?: boolean;
}

export function createFlowResolver(model: ClusterModel, options: ResolverOptions = {}): FlowResolver {
  const workloads = new Map<string, Workload>(model.workloads.map((w) => [w.id, w]));
  const selections = new Map<string, ReturnType<typeof selectWorkload>>();
  const selectionOf = (id: string) => {
    let s = selections.get(id);
    if (!s) selections.set(id, (s = selectWorkload(model, id)));
    return s;
  };

  const resolveEnd = (end: FlowEnd, index: number, problems: GeneratorProblem[], reported: Set<string>): ResolvedEnd | undefined => {
    if (end.kind === 'anywhere') return { kind: 'ipBlock', blocks: ANYWHERE_BLOCKS, anywhere: true };
    if (end.kind === 'ipBlock') {
      const block = resolveIpBlock(end.cidr, end.except);
      if (typeof block !== 'string') return { kind: 'ipBlock', blocks: [block], anywhere: false };
      problems.push({ code: 'invalid-ip-block', severity: 'error', message: `Flow left out: ${block}`, intentIndex: index });
      return undefined;
    }
    const workload = workloads.get(end.id);
    if (!workload) {
      const message = `Flow left out: ${end.id} is not a workload of the cluster`;
      problems.push({ code: 'unknown-workload', severity: 'error', message, intentIndex: index, workloadId: end.id });
      return undefined;
    }
    if (options.singleOut === false) return { kind: 'workload', workload, selector: {} };
    const selection = selectionOf(end.id);
    if (selection.selector) return { kind: 'workload', workload, selector: selection.selector };
    if (!reported.has(end.id)) {
      reported.add(end.id);
      problems.push({
        code: 'cannot-select-workload',
        severity: 'error',
        message: `Flows of ${end.id} were left out: ${selection.problem}`,
        workloadId: end.id,
        ...(selection.suggestion ? { suggestion: selection.suggestion } : {}),
      });
    }
    return undefined;
  };

  return {
    resolve(intents) {
      const flows: ResolvedFlow[] = [];
      const problems: GeneratorProblem[] = [];
      const reported = new Set<string>();
      intents.forEach((intent, index) => {
        const source = resolveEnd(intent.source, index, problems, reported);
        const destination = resolveEnd(intent.destination, index, problems, reported);
        if (!source || !destination) return;
        if (source.kind === 'ipBlock' && destination.kind === 'ipBlock') {
          const message = 'Flow left out: NetworkPolicy says nothing about traffic between two addresses outside the cluster';
          problems.push({ code: 'external-to-external', severity: 'error', message, intentIndex: index });
          return;
        }
        const target = destination.kind === 'workload' ? destination.workload : undefined;
        const { ports, skip } = portsOfIntent(intent.ports, target, (p) => problems.push({ ...p, intentIndex: index }));
        if (skip) return;
        flows.push({ index, intent, source, destination, ports, portSet: portSetOfEntries(ports, target) });
      });
      return { flows, problems };
    },
  };
}
