/**
 * Where a policy, or one of its rules, is in the user's text: the target the YAML pane moves
 * its cursor to. Positions come from the parser (`policy.source`, `locateField`), for the text
 * the analysis was made from.
 */
import type { Direction, ManifestFile, NetworkPolicy } from '../../../core/index.ts';
import { locateField } from '../../../core/parse/index.ts';
import type { YamlTarget } from '../../store/index.ts';

export type RevealTarget = Omit<YamlTarget, 'nonce'>;

function prefixOf(policy: NetworkPolicy): string {
  const item = policy.source?.itemPath;
  return item ? `${item}.` : '';
}

function fileOf(policy: NetworkPolicy, files: readonly ManifestFile[]): ManifestFile | undefined {
  const name = policy.source?.file;
  return name === undefined ? undefined : files.find((f) => f.name === name);
}

/** The policy's document (its first line, to the end of the object when known). */
export function policyTarget(policy: NetworkPolicy, files: readonly ManifestFile[]): RevealTarget | undefined {
  const source = policy.source;
  if (!source) return undefined;
  const file = fileOf(policy, files);
  const item = policy.source?.itemPath;
  const range = file && item ? locateField(file, source.documentIndex, item) : undefined;
  const endLine = range?.endLine ?? (file ? locateField(file, source.documentIndex, '')?.endLine : undefined);
  return {
    file: source.file,
    line: range?.line ?? source.line,
    column: range?.column ?? source.column,
    ...(endLine !== undefined ? { endLine } : {}),
  };
}

/** Rule `index` (0-based) of the direction: `spec.ingress[index]`; falls back to the policy. */
export function ruleTarget(
  policy: NetworkPolicy,
  direction: Direction,
  index: number,
  files: readonly ManifestFile[],
): RevealTarget | undefined {
  const source = policy.source;
  const file = fileOf(policy, files);
  if (!source || !file) return policyTarget(policy, files);
  const range = locateField(file, source.documentIndex, `${prefixOf(policy)}spec.${direction}[${index}]`);
  if (!range) return policyTarget(policy, files);
  return {
    file: range.file,
    line: range.line,
    column: range.column,
    ...(range.endLine !== undefined ? { endLine: range.endLine } : {}),
  };
}
