/**
 * lint/policy-selects-nothing: a policy whose podSelector matches no pod of its namespace in the
 * workspace. It changes nothing, often because of a typo in a label or the wrong namespace
 * (a policy without metadata.namespace goes to `default`). When only policies were pasted, pods
 * are inferred from the selectors, so this fires only for selectors no labels can satisfy.
 */
import type { LintContext } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { selectorText } from '../words.ts';

export function lintPolicySelectsNothing(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    if (ctx.selectedClasses(policy).length > 0) continue;
    const selector = selectorText(policy.policy.spec.podSelector);
    const empty = ctx.classesIn(policy.namespace).length === 0;
    findings.push({
      code: 'lint/policy-selects-nothing',
      policy: policy.policy,
      path: 'spec.podSelector',
      message: ctx.policyOnly
        ? `No labels can satisfy this podSelector (${selector}), so the policy can never select a pod.`
        : empty
          ? `The workspace has no pods in namespace ${policy.namespace}, so this policy selects nothing here.`
          : `No pod in namespace ${policy.namespace} matches this podSelector (${selector}), so the policy has no effect.`,
      fix: empty && !ctx.policyOnly
        ? `Check metadata.namespace (a policy without one goes to default), or add the workloads of ${policy.namespace} to the workspace.`
        : `Check the selector's labels against the pods' labels (spelling, value), or use podSelector: {} for every pod of the namespace.`,
      pods: [],
    });
  }
  return findings;
}
