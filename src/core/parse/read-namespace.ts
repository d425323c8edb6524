/**
 * Namespace objects: a DNS-1123 label name and labels. The API server sets
 * `kubernetes.io/metadata.name` itself; the model builder does the same.
 */
import type { NamespaceManifest } from '../model/build-input.ts';
import { METADATA_NAME_LABEL, type SourceRef } from '../model/types.ts';
import { NAMESPACE_ROOT } from './fields.ts';
import { childPath } from './path.ts';
import type { ObjectMeta } from './read-meta.ts';
import { checkFields, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';

export function readNamespace(r: Reporter, obj: Obj, meta: ObjectMeta, source: SourceRef): NamespaceManifest | undefined {
  checkFields(r, obj, undefined, NAMESPACE_ROOT);
  if (meta.name === undefined) return undefined;
  const labels = meta.labels ?? {};
  const auto = labels[METADATA_NAME_LABEL];
  if (auto !== undefined && auto !== meta.name) {
    r.warn(
      'metadata-name-label-overridden',
      `Label ${METADATA_NAME_LABEL}=${auto} is replaced by ${meta.name}: Kubernetes always sets it to the namespace's name`,
      childPath(childPath(childPath(undefined, 'metadata'), 'labels'), METADATA_NAME_LABEL),
    );
  }
  return { kind: 'Namespace', name: meta.name, labels, source };
}
