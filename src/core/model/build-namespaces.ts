/**
 * Namespaces: the declared ones, plus every namespace a pod, workload or policy lives in
 * (`declared: false`). Each carries `kubernetes.io/metadata.name: <name>`, as the API server
 * guarantees.
 */
import type { NamespaceManifest } from './build-input.ts';
import { METADATA_NAME_LABEL, type Labels, type Namespace } from './types.ts';

export function namespaceLabels(name: string, labels: Labels = {}): Labels {
  return { ...labels, [METADATA_NAME_LABEL]: name };
}

/** Namespaces sorted by name. */
export function buildNamespaces(declared: readonly NamespaceManifest[], referenced: Iterable<string>): Namespace[] {
  const byName = new Map<string, Namespace>();
  for (const ns of declared) {
    const out: { -readonly [K in keyof Namespace]: Namespace[K] } = {
      kind: 'Namespace',
      name: ns.name,
      labels: namespaceLabels(ns.name, ns.labels),
      declared: true,
    };
    if (ns.source) out.source = ns.source;
    byName.set(ns.name, out);
  }
  for (const name of referenced) {
    if (!byName.has(name)) {
      byName.set(name, { kind: 'Namespace', name, labels: namespaceLabels(name), declared: false });
    }
  }
  return [...byName.values()].sort((a, b) => compareIds(a.name, b.name));
}

/** Plain code-unit order, so ids sort the same everywhere (no locale). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
