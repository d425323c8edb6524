/**
 * One Kubernetes object (a document, or an item of a List): check its apiVersion for the
 * kind, read its metadata and dispatch on the kind. Kinds the model does not use are ignored
 * with an info; objects with errors are rejected, as the API server would refuse them.
 */
import type { ManifestResource } from '../model/build-input.ts';
import type { SourceRef } from '../model/types.ts';
import { API_VERSIONS, REMOVED_API_VERSIONS, guessModelKind, isModelKind, isWorkloadKind, type ModelKind } from './kinds.ts';
import { childPath } from './path.ts';
import { readMetadata, type ObjectMeta } from './read-meta.ts';
import { readNamespace } from './read-namespace.ts';
import { readPod, readWorkload } from './read-pod.ts';
import { readNetworkPolicy } from './read-policy.ts';
import { field, isMap, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';
import type { ParsedObject } from './types.ts';

export interface ObjectHeader {
  readonly kind: string;
  readonly apiVersion: string;
  /** False when the apiVersion was not written (an item of a typed List inherits it). */
  readonly apiVersionWritten: boolean;
}

function checkApiVersion(r: Reporter, kind: ModelKind, header: ObjectHeader): void {
  const expected = API_VERSIONS[kind];
  if (header.apiVersion === expected) return;
  // Own keys only: an apiVersion such as "constructor" must not find Object.prototype's.
  const removed = Object.hasOwn(REMOVED_API_VERSIONS, header.apiVersion) ? REMOVED_API_VERSIONS[header.apiVersion] : undefined;
  const why = removed ? ` (${header.apiVersion} was ${removed}; the fields are the same)` : '';
  r.error(
    'wrong-api-version',
    `${kind} must have apiVersion ${expected}, not ${JSON.stringify(header.apiVersion)}${why}`,
    header.apiVersionWritten ? childPath(undefined, 'apiVersion') : childPath(undefined, 'kind'),
  );
}

function readResource(r: Reporter, obj: Obj, kind: ModelKind, meta: ObjectMeta, source: SourceRef): ManifestResource | undefined {
  if (kind === 'NetworkPolicy') return readNetworkPolicy(r, obj, meta, source);
  if (kind === 'Namespace') return readNamespace(r, obj, meta, source);
  if (kind === 'Pod') return readPod(r, obj, meta, source);
  if (isWorkloadKind(kind)) return readWorkload(r, obj, kind, meta, source);
  return undefined;
}

function plainName(obj: Obj): { name?: string; namespace?: string } {
  const meta = field(obj, 'metadata');
  if (!isMap(meta)) return {};
  const name = field(meta, 'name');
  const namespace = field(meta, 'namespace');
  return {
    ...(typeof name === 'string' && name ? { name } : {}),
    ...(typeof namespace === 'string' && namespace ? { namespace } : {}),
  };
}

export function readObject(
  r: Reporter,
  obj: Obj,
  header: ObjectHeader,
  source: SourceRef,
  nameSeverity: 'error' | 'warning' = 'error',
): ParsedObject {
  const { kind, apiVersion } = header;
  const base = { kind, apiVersion, object: obj, source };
  if (!isModelKind(kind)) {
    const guess = guessModelKind(kind);
    if (guess) {
      r.error('unknown-kind', `Unknown kind ${JSON.stringify(kind)}: did you mean "${guess}"?`, childPath(undefined, 'kind'));
      return { ...base, ...plainName(obj), status: 'rejected' };
    }
    const names = plainName(obj);
    const what = names.name ? `${kind} ${JSON.stringify(names.name)}` : `A ${kind}`;
    r.info('ignored-kind', `${what} is not used by the simulation and was ignored`, childPath(undefined, 'kind'));
    return { ...base, ...names, status: 'ignored' };
  }
  checkApiVersion(r, kind, header);
  const meta = readMetadata(r, obj, {
    kind,
    nameRule: kind === 'Namespace' ? 'label' : 'subdomain',
    unknownFields: kind === 'NetworkPolicy' || kind === 'Namespace' ? 'error' : 'warning',
    namespaced: kind !== 'Namespace',
    nameSeverity,
  });
  const resource = readResource(r, obj, kind, meta, source);
  const names = {
    ...(meta.name !== undefined ? { name: meta.name } : {}),
    ...(meta.namespace !== undefined ? { namespace: meta.namespace } : {}),
  };
  if (r.errors > 0 || !resource) {
    const id = meta.name === undefined ? kind : `${kind} ${kind === 'Namespace' ? '' : `${meta.namespace ?? 'default'}/`}${meta.name}`;
    const count = r.errors === 1 ? '1 error' : `${r.errors} errors`;
    r.info('object-rejected', `${id} was not imported because of ${count} (the API server would refuse it)`, undefined);
    return { ...base, ...names, status: 'rejected' };
  }
  return { ...base, ...names, status: 'accepted', resource };
}
