/**
 * lint/partial-coverage: a namespace where policies select most workloads (more than
 * they leave out) and none selects the others. Those accept every connection and may open any:
 * often a forgotten workload, since a namespace is usually locked down as a whole (a default-deny
 * policy with podSelector: {}). A namespace where policies select no more workloads than they leave
 * out reads as a deliberate policy for a few apps, and is left alone.
 * Not checked when the pods were inferred from pasted policies: those pods stand for selectors,
 * and peers' pods would look uncovered although the real cluster was never shown.
 */
import type { Pod, SourceRef } from '../../model/types.ts';
import type { LintContext } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText, plural } from '../words.ts';

export function lintPartialCoverage(ctx: LintContext): LintFinding[] {
  if (ctx.policyOnly) return [];
  const covered = new Set<string>();
  const namespaces = new Set<string>();
  for (const policy of ctx.policies) {
    namespaces.add(policy.namespace);
    for (const c of ctx.selectedClasses(policy)) for (const pod of c.pods) covered.add(pod.id);
  }
  const workloads = new Map(ctx.model.workloads.map((w) => [w.id, w]));
  const findings: LintFinding[] = [];
  for (const namespace of namespaces) {
    const pods = ctx.classesIn(namespace).flatMap((c) => c.pods);
    const uncovered = pods.filter((p) => !covered.has(p.id));
    if (uncovered.length === 0 || uncovered.length === pods.length) continue;
    const byWorkload = new Map<string, Pod[]>();
    for (const pod of uncovered) byWorkload.set(pod.workloadId, [...(byWorkload.get(pod.workloadId) ?? []), pod]);
    const names = [...byWorkload.keys()].sort();
    // A policy for one app among many is deliberate; a few workloads left out of many is the smell.
    const coveredWorkloads = new Set(pods.filter((p) => covered.has(p.id)).map((p) => p.workloadId)).size;
    if (coveredWorkloads <= names.length) continue;
    const firstId = names[0] ?? '';
    const at: SourceRef | undefined = workloads.get(firstId)?.source ?? byWorkload.get(firstId)?.[0]?.source;
    const shown = names.map((id) => id.slice(namespace.length + 1));
    findings.push({
      code: 'lint/partial-coverage',
      ...(at ? { at } : {}),
      message:
        `In namespace ${namespace}, policies select ${plural(coveredWorkloads, 'workload')}, but none selects ${listText(shown)}: ` +
        `${names.length === 1 ? 'it accepts' : 'they accept'} every connection and may open any.`,
      fix:
        `If that is not intended, add a default-deny policy for ${namespace} (podSelector: {}, policyTypes: [Ingress, Egress]) ` +
        `and allow what each workload needs, or a policy that selects ${shown[0] ?? 'it'}.`,
      pods: uncovered.map((p) => p.id).sort(),
    });
  }
  return findings;
}
