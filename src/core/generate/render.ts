/**
 * NetworkPolicies to readable YAML: keys in the order `kubectl` prints them (apiVersion, kind,
 * metadata: name, namespace, labels; spec: podSelector, policyTypes, ingress, egress), a header
 * comment saying what the policy is for and a short `# allows ...` comment above each rule.
 * Importing the text gives the same policies back, with no issue.
 */
import type { NetworkPolicy } from '../model/types.ts';
import { networkPolicyToManifest } from '../parse/serialize.ts';
import type { CommentMap, PolicyComments } from './intent.ts';
import { emitYaml, type JsonValue } from './yaml-emit.ts';

const RULE_PATH = /^spec\.(ingress|egress)\[(\d+)\]$/;

/** One document (no `---`), ending with a newline. */
export function renderPolicy(policy: NetworkPolicy, comments: PolicyComments = {}): string {
  const manifest = networkPolicyToManifest(policy) as { readonly [key: string]: JsonValue };
  const at = (path: string): readonly string[] | undefined => {
    const m = RULE_PATH.exec(path);
    const text = m ? comments[m[1] as 'ingress' | 'egress']?.[Number(m[2])] : undefined;
    return text ? [text] : undefined;
  };
  return emitYaml(manifest, at, comments.header ? [comments.header] : []);
}

/** Multi-document YAML, `---` between documents; comments by policy id (`<namespace>/<name>`). */
export function renderPolicies(policies: readonly NetworkPolicy[], comments: CommentMap = {}): string {
  return policies.map((p) => renderPolicy(p, comments[`${p.namespace}/${p.name}`])).join('---\n');
}
