/**
 * lint/peer-other-namespace: a peer with only a podSelector always means "pods in this policy's
 * own namespace". When no pod here carries those labels but pods in other namespaces do, the
 * author most likely meant those pods, which needs a namespaceSelector.
 */
import { isEmptySelector } from '../../model/selector.ts';
import { METADATA_NAME_LABEL } from '../../model/types.ts';
import type { LintContext } from '../context.ts';
import { podIdsOf } from '../context.ts';
import type { LintFinding } from '../types.ts';
import { listText, selectorText } from '../words.ts';
import { peerPairs } from './compiled.ts';

export function lintPeerOtherNamespace(ctx: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const policy of ctx.policies) {
    for (const peer of peerPairs(policy)) {
      const { written, compiled } = peer;
      if (compiled.kind !== 'selector' || compiled.sameNamespace === undefined) continue;
      if (!written.podSelector || isEmptySelector(written.podSelector)) continue;
      if (ctx.peerClasses(compiled).length > 0) continue;
      const others = ctx.podSelectorNamespaces(compiled).filter((ns) => ns !== policy.namespace);
      if (others.length === 0) continue;
      const pods = selectorText(written.podSelector);
      const first = others[0] ?? '';
      findings.push({
        code: 'lint/peer-other-namespace',
        policy: policy.policy,
        path: peer.path,
        message:
          `This peer has only a podSelector, so it means pods matching ${pods} in ${policy.namespace}, the policy's own namespace. ` +
          `No pod there matches, but pods in ${listText(others)} do: they are not admitted by this peer.`,
        fix:
          `To admit the pods in ${first}, add a namespaceSelector to the same entry (no dash before it), e.g. ` +
          `namespaceSelector: {matchLabels: {${METADATA_NAME_LABEL}: ${first}}}.`,
        pods: podIdsOf(ctx.selectedClasses(policy)),
      });
    }
  }
  return findings;
}
