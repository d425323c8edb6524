/**
 * lint/peer-selects-nothing: a peer whose namespaceSelector matches no namespace, or whose
 * podSelector matches no pod where it looks. The peer admits nobody. A podSelector-only peer
 * that matches pods in other namespaces is lint/peer-other-namespace instead. When only
 * policies were pasted, pods and namespaces are inferred to match every satisfiable selector,
 * so this fires only for selectors no labels can satisfy.
 */
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText, selectorText } from '../words.ts';
import { peerPairs } from './compiled.ts';

export function lintPeerSelectsNothing(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const peer of peerPairs(policy)) {
      const { written, compiled } = peer;
      if (compiled.kind !== 'selector') continue;
      const namespaces = ctx.peerNamespaces(compiled);
      if (written.namespaceSelector && namespaces.length === 0) {
        findings.push({
          code: 'lint/peer-selects-nothing',
          policy: policy.policy,
          path: `${peer.path}.namespaceSelector`,
          message:
            `No namespace in the workspace has labels matching this namespaceSelector (${selectorText(written.namespaceSelector)}), so this peer admits nobody. ` +
            `Namespaces that are only referenced, not declared, carry just kubernetes.io/metadata.name.`,
          fix: `Label the namespace you mean (declare it with these labels), or select it by name: kubernetes.io/metadata.name: <name>.`,
          pods: podIdsOf(ctx.selectedClasses(policy)),
        });
        continue;
      }
      if (ctx.peerClasses(compiled).length > 0) continue;
      // Pods elsewhere match: lint/peer-other-namespace says what is wrong with this peer.
      if (compiled.sameNamespace !== undefined && ctx.podSelectorNamespaces(compiled).length > 0) continue;
      const where = compiled.sameNamespace !== undefined || namespaces.length === 1 ? `namespace ${listText(namespaces)}` : `namespaces ${listText(namespaces)}`;
      findings.push({
        code: 'lint/peer-selects-nothing',
        policy: policy.policy,
        path: written.podSelector ? `${peer.path}.podSelector` : peer.path,
        message: ctx.policyOnly
          ? `No labels can satisfy this peer's podSelector (${selectorText(written.podSelector)}), so it admits nobody.`
          : `No pod in ${where} matches this peer's podSelector (${selectorText(written.podSelector)}), so it admits nobody.`,
        fix: `Check the labels against the pods' labels (spelling, value), or add the workload this peer is meant for.`,
        pods: podIdsOf(ctx.selectedClasses(policy)),
      });
    }
  }
  return findings;
}
