/**
 * generatePolicies: drawn flows to the fewest readable NetworkPolicies that allow them.
 * - Every flow into a workload becomes an ingress rule of `allow-<workload>-ingress`.
 * - A flow out of a workload becomes an egress rule of `allow-<workload>-egress` in zero-trust
 *   style, or where the source's namespace denies egress by default (else the drawing would
 *   refuse its own flows).
 * - Default deny per namespace and direction, as the style and the toggles say.
 * - With "allow DNS", egress to kube-dns for every drawn workload whose egress is isolated.
 * Generated policies carry `app.kubernetes.io/managed-by: netpol-canvas` (see managed.ts).
 * Same model, flows and settings: same policies, in the same order, with the same comments.
 */
import type { ClusterModel, Workload } from '../model/types.ts';
import { createFlowResolver, type ResolvedFlow } from './flows.ts';
import { defaultDenyPlan, isolatesNamespace } from './defaults.ts';
import { compareDrafts, denyDraft, dnsDraft, draftToPolicy, WorkloadDraft, type Draft } from './drafts.ts';
import { endKey } from './ends.ts';
import { findDnsBlocked } from './dns.ts';
import {
  DEFAULT_GENERATOR_SETTINGS,
  type FlowIntent,
  type GenerateResult,
  type GeneratorProblem,
  type GeneratorSettings,
  type PolicyComments,
} from './intent.ts';
import { isGeneratedPolicy, withGeneratedPolicies } from './managed.ts';
import { createNameBook, workloadPolicyName } from './names.ts';

type Drafts = Map<string, WorkloadDraft>;

function draftFor(drafts: Drafts, workload: Workload, selector: WorkloadDraft['selector'], direction: 'ingress' | 'egress'): WorkloadDraft {
  let draft = drafts.get(workload.id);
  if (!draft) drafts.set(workload.id, (draft = new WorkloadDraft(workload, selector, direction)));
  return draft;
}

/** Names for the drafts in output order, then the policies and their comments. */
function finish(model: ClusterModel, drafts: Draft[], problems: GeneratorProblem[]) {
  const book = createNameBook(model);
  const policies = [];
  const comments: Record<string, PolicyComments> = {};
  for (const draft of [...drafts].sort(compareDrafts)) {
    const { name, taken } = book.take(draft.namespace, draft.base);
    if (taken) {
      const message = `A hand-written policy ${draft.namespace}/${taken} exists: the generated one is called ${name}`;
      problems.push({ code: 'name-taken', severity: 'info', message });
    }
    const built = draftToPolicy(draft, name);
    policies.push(built.policy);
    comments[`${draft.namespace}/${name}`] = built.comments;
  }
  return { policies, comments };
}

function workloadDrafts(ingress: Drafts, egress: Drafts): Draft[] {
  const all = [...ingress.values(), ...egress.values()];
  const names = new Map<string, Set<string>>();
  for (const d of all) {
    const key = `${d.workload.namespace}/${d.workload.name}`;
    names.set(key, (names.get(key) ?? new Set()).add(d.workload.id));
  }
  return all.map((d) => {
    const clashes = (names.get(`${d.workload.namespace}/${d.workload.name}`)?.size ?? 0) > 1;
    return d.toDraft(workloadPolicyName(d.workload, d.direction, clashes));
  });
}

function drawnWorkloads(flows: readonly ResolvedFlow[]): Workload[] {
  const byId = new Map<string, Workload>();
  for (const f of flows) for (const end of [f.source, f.destination]) if (end.kind === 'workload') byId.set(end.workload.id, end.workload);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Plan {
  readonly model: ClusterModel;
  readonly flows: readonly ResolvedFlow[];
  readonly fixed: readonly Draft[];
  readonly ingress: Drafts;
  readonly egress: Drafts;
}

/**
 * "Allow DNS": one `allow-dns-egress` (every pod) per namespace that denies egress by default;
 * for any other drawn workload still cut off from kube-dns, a DNS rule in its own egress policy,
 * or the namespace-wide policy where a hand-written policy already isolates every pod's egress.
 */
function dnsDrafts(plan: Plan, deniesEgress: ReadonlySet<string>): Draft[] {
  const { model, flows, fixed, ingress, egress } = plan;
  const namespaces = new Set(deniesEgress);
  const provisional = finish(model, [...fixed, ...[...namespaces].map(dnsDraft), ...workloadDrafts(ingress, egress)], []);
  const blocked = findDnsBlocked(withGeneratedPolicies(model, provisional.policies), drawnWorkloads(flows).map((w) => w.id));
  for (const { workloadId } of blocked) {
    const end = flows.flatMap((f) => [f.source, f.destination]).find((e) => e.kind === 'workload' && e.workload.id === workloadId);
    if (end?.kind !== 'workload' || namespaces.has(end.workload.namespace)) continue;
    const ns = end.workload.namespace;
    if (model.policies.some((p) => p.namespace === ns && !isGeneratedPolicy(p) && isolatesNamespace(p, 'egress'))) namespaces.add(ns);
    else draftFor(egress, end.workload, end.selector, 'egress').dns = true;
  }
  return [...namespaces].map(dnsDraft);
}

export function generatePolicies(
  model: ClusterModel,
  intents: readonly FlowIntent[],
  settings: GeneratorSettings = DEFAULT_GENERATOR_SETTINGS,
): GenerateResult {
  const { flows, problems } = createFlowResolver(model).resolve(intents);
  const plan = defaultDenyPlan(model, settings);
  const deniesEgress = new Set(plan.filter((d) => d.direction === 'egress').map((d) => d.namespace));
  const egressRules = (ns: string): boolean => settings.style === 'zero-trust' || deniesEgress.has(ns);

  const ingress: Drafts = new Map();
  const egress: Drafts = new Map();
  for (const flow of flows) {
    const { source, destination } = flow;
    if (destination.kind === 'workload') {
      draftFor(ingress, destination.workload, destination.selector, 'ingress').add(endKey(source), source, flow.ports);
    }
    if (source.kind !== 'workload') continue;
    if (egressRules(source.workload.namespace)) {
      draftFor(egress, source.workload, source.selector, 'egress').add(endKey(destination), destination, flow.ports);
    } else if (destination.kind === 'ipBlock') {
      problems.push({
        code: 'no-policy-needed',
        severity: 'info',
        message:
          'No policy for this flow: ingress-only style writes no egress rules, ' +
          `and namespace ${source.workload.namespace} does not deny egress by default`,
        intentIndex: flow.index,
      });
    }
  }

  const fixed: Draft[] = plan.filter((d) => !d.present).map((d) => denyDraft(d.namespace, d.direction));
  if (settings.allowDns) fixed.push(...dnsDrafts({ model, flows, fixed, ingress, egress }, deniesEgress));
  const result = finish(model, [...fixed, ...workloadDrafts(ingress, egress)], problems);

  if (!settings.allowDns) {
    const after = withGeneratedPolicies(model, result.policies);
    for (const blocked of findDnsBlocked(after, drawnWorkloads(flows).map((w) => w.id))) {
      problems.push({
        code: 'dns-blocked',
        severity: 'warning',
        message:
          `${blocked.workloadId} cannot look up names: its egress is isolated and no rule allows kube-dns (kube-system) ` +
          `on ${blocked.protocols.join(' and ')} 53. Turn on "Allow DNS" to add it.`,
        workloadId: blocked.workloadId,
      });
    }
  }
  return { ...result, problems };
}
