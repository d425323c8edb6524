/**
 * lintCluster: every teaching warning for a model. Pure and deterministic; never throws on a
 * model the importer built (a rule that fails unexpectedly is skipped, not fatal).
 */
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.ts';
import type { ManifestFile } from '../parse/types.ts';
import type { ClusterModel } from '../model/types.ts';
import { createLintContext, type LintContext } from './context.ts';
import { locateFindings } from './locate.ts';
import { lintAndOrPeers } from './rules/and-or-peers.ts';
import { lintDnsBlocked } from './rules/dns-blocked.ts';
import { lintIpBlockPods } from './rules/ip-block-pods.ts';
import { lintPartialCoverage } from './rules/partial-coverage.ts';
import { lintPeerOtherNamespace } from './rules/peer-other-namespace.ts';
import { lintPeerSelectsNothing } from './rules/peer-selects-nothing.ts';
import { lintPolicySelectsNothing } from './rules/policy-selects-nothing.ts';
import { lintPortsOnlyRule } from './rules/ports-only-rule.ts';
import { lintRedundantRule } from './rules/redundant-rule.ts';
import { lintUnknownNamedPort } from './rules/unknown-named-port.ts';
import type { LintFinding, LintWarning } from './types.ts';

export interface LintOptions {
  /**
   * The texts the model was imported from: warnings then point at the exact field (line and
   * column of `ports:`, of a peer...). Without them, at the start of the object.
   */
  readonly files?: readonly ManifestFile[];
}

export const LINT_RULES: readonly ((ctx: LintContext) => LintFinding[])[] = [
  lintAndOrPeers,
  lintPeerOtherNamespace,
  lintDnsBlocked,
  lintPortsOnlyRule,
  lintIpBlockPods,
  lintUnknownNamedPort,
  lintPolicySelectsNothing,
  lintPeerSelectsNothing,
  lintRedundantRule,
  lintPartialCoverage,
];

/** Every lint code, in the order of docs/lint.md. */
export const LINT_CODES = [
  'lint/and-or-peers',
  'lint/peer-other-namespace',
  'lint/dns-blocked-udp',
  'lint/dns-blocked-tcp',
  'lint/ports-only-rule',
  'lint/ip-block-pods',
  'lint/unknown-named-port',
  'lint/policy-selects-nothing',
  'lint/peer-selects-nothing',
  'lint/redundant-rule',
  'lint/partial-coverage',
] as const;

export function lintCluster(model: ClusterModel, evaluator?: Evaluator, options: LintOptions = {}): LintWarning[] {
  if (model.policies.length === 0) return [];
  const ctx = createLintContext(model, evaluator ?? createEvaluator(model));
  const findings: LintFinding[] = [];
  for (const rule of LINT_RULES) {
    try {
      findings.push(...rule(ctx));
    } catch {
      // A lint rule must never take the editor down; its warnings are simply missing.
    }
  }
  return locateFindings(findings, options.files);
}

export function isLintWarning(issue: { readonly code: string }): issue is LintWarning {
  return issue.code.startsWith('lint/');
}
