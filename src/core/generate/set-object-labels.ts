/**
 * What-if label edits on the objects of a model: a workload's (or pod's, or namespace's) labels
 * changed in the manifest text that declares them, with setLabelsInText (byte-preserving).
 * - a Pod: `metadata.labels`;
 * - a Deployment (etc.): its pod template's labels, and `spec.selector.matchLabels` where it names
 *   the changed key (Kubernetes refuses a selector that does not match the template);
 * - pods declared on their own but owned by a controller (ownerReferences): each pod;
 * - a namespace: its Namespace document, created (at the top of the file of its objects, so it
 *   is applied first) when the namespace is only referenced.
 * Pods inferred from policy selectors have no manifest: `labelsLockedReason` says why.
 */
import { METADATA_NAME_LABEL, type ClusterModel, type Labels, type SourceRef, type WorkloadKind } from '../model/types.ts';
import type { ManifestFile } from '../parse/types.ts';
import { renderClusterObject } from './cluster-docs.ts';
import { lineBreakOf } from './documents.ts';
import { setLabelsInText, type LabelEdit } from './set-labels.ts';
import { readDocuments } from '../parse/documents.ts';
import { parsePath } from '../parse/path.ts';
import type { PosNode } from '../parse/position-tree.ts';

export type LabelSubject =
  | { readonly kind: 'workload'; readonly id: string }
  /** One pod: a declared Pod's own labels; a pod standing for a template edits the template. */
  | { readonly kind: 'pod'; readonly id: string }
  | { readonly kind: 'namespace'; readonly name: string };

export type LabelChange = { readonly files: ManifestFile[]; readonly notes: string[] } | { readonly problem: string };

interface Target {
  readonly source: SourceRef;
  readonly path: string;
}

const TEMPLATE_LABELS: Partial<Record<WorkloadKind, string>> = {
  Deployment: 'spec.template.metadata.labels',
  StatefulSet: 'spec.template.metadata.labels',
  DaemonSet: 'spec.template.metadata.labels',
  ReplicaSet: 'spec.template.metadata.labels',
  ReplicationController: 'spec.template.metadata.labels',
  Job: 'spec.template.metadata.labels',
  CronJob: 'spec.jobTemplate.spec.template.metadata.labels',
};

const SELECTOR_LABELS: Partial<Record<WorkloadKind, string>> = {
  Deployment: 'spec.selector.matchLabels',
  StatefulSet: 'spec.selector.matchLabels',
  DaemonSet: 'spec.selector.matchLabels',
  ReplicaSet: 'spec.selector.matchLabels',
  ReplicationController: 'spec.selector',
  Job: 'spec.selector.matchLabels',
};

function within(source: SourceRef, path: string): string {
  return source.itemPath ? `${source.itemPath}.${path}` : path;
}

/** Why the labels of a subject cannot be edited in the text (undefined: they can). */
export function labelsLockedReason(model: ClusterModel, subject: LabelSubject): string | undefined {
  if (subject.kind === 'namespace') {
    const ns = model.namespaces.find((n) => n.name === subject.name);
    if (!ns) return `namespace ${subject.name} is not in the model`;
    if (ns.declared && !ns.source) return `namespace ${subject.name} has no manifest to edit`;
    return undefined;
  }
  if (subject.kind === 'pod') {
    const pod = model.pods.find((p) => p.id === subject.id);
    if (!pod) return `${subject.id} is no longer in the YAML`;
    if (pod.fromTemplate || pod.inferred) return labelsLockedReason(model, { kind: 'workload', id: pod.workloadId });
    return pod.source ? undefined : `${pod.id} has no manifest to edit`;
  }
  const workload = model.workloads.find((w) => w.id === subject.id);
  if (!workload) return `${subject.id} is no longer in the YAML`;
  if (workload.inferred) {
    return 'it was inferred from the policies’ selectors: no manifest declares it, so its labels are whatever the selectors need';
  }
  if (!workload.source && !model.pods.some((p) => p.workloadId === workload.id && p.source && !p.fromTemplate)) {
    return `${workload.id} has no manifest to edit`;
  }
  return undefined;
}

function targetsOf(model: ClusterModel, id: string): { labels: Target[]; selector?: Target } | undefined {
  const workload = model.workloads.find((w) => w.id === id);
  if (!workload || workload.inferred) return undefined;
  const { source } = workload;
  // Pods declared on their own (a controller known from their ownerReferences): edit every pod.
  const pods = model.pods.filter((p) => p.workloadId === id && p.source && !p.fromTemplate);
  if (workload.kind !== 'Pod' && pods.length > 0) return { labels: pods.map((p) => ({ source: p.source!, path: within(p.source!, 'metadata.labels') })) };
  const template = TEMPLATE_LABELS[workload.kind];
  if (source && template) {
    const selector = SELECTOR_LABELS[workload.kind];
    return { labels: [{ source, path: within(source, template) }], ...(selector ? { selector: { source, path: within(source, selector) } } : {}) };
  }
  return source && workload.kind === 'Pod' ? { labels: [{ source, path: within(source, 'metadata.labels') }] } : undefined;
}

/** Keys of the mapping at `path` in a document, or undefined when there is none. */
function mappingKeys(text: string, documentIndex: number, path: string): string[] | undefined {
  const segments = parsePath(path);
  const doc = readDocuments(text, { construct: false }).documents.find((d) => d.index === documentIndex);
  let node: PosNode | undefined = doc?.ok ? doc.positions() : undefined;
  for (const seg of segments ?? []) node = typeof seg === 'number' ? node?.items?.[seg] : node?.keys?.get(seg);
  return node?.keys ? [...node.keys.keys()] : undefined;
}

function patchFile(files: ManifestFile[], target: Target, edits: readonly LabelEdit[]): string | undefined {
  const index = files.findIndex((f) => f.name === target.source.file);
  const file = files[index];
  if (!file) return `file ${target.source.file} is no longer in the workspace`;
  const result = setLabelsInText(file.text, target.source.documentIndex, target.path, edits);
  if ('problem' in result) return `${target.source.file}: ${result.problem}`;
  files[index] = { name: file.name, text: result.text };
  return undefined;
}

function editWorkload(files: ManifestFile[], model: ClusterModel, id: string, edits: readonly LabelEdit[]): LabelChange {
  const targets = targetsOf(model, id);
  if (!targets) return { problem: labelsLockedReason(model, { kind: 'workload', id }) ?? `${id} has no manifest to edit` };
  const notes: string[] = [];
  const out = [...files];
  const selector = targets.selector;
  if (selector) {
    const file = out.find((f) => f.name === selector.source.file);
    const keys = file ? (mappingKeys(file.text, selector.source.documentIndex, selector.path) ?? []) : [];
    const touched = edits.filter((e) => keys.includes(e.key));
    if (touched.some((e) => e.value === null) && keys.every((k) => touched.some((e) => e.key === k && e.value === null))) {
      return { problem: `the selector (${selector.path}) needs at least one of its labels: change its value instead, or edit the selector in the YAML` };
    }
    if (touched.length > 0) {
      const problem = patchFile(out, selector, touched);
      if (problem) return { problem };
      notes.push(`${selector.path} follows (${touched.map((e) => e.key).join(', ')}): a workload's selector must match its pod template.`);
    }
  }
  for (const target of targets.labels) {
    const problem = patchFile(out, target, edits);
    if (problem) return { problem };
  }
  if (targets.labels.length > 1) notes.push(`Changed in each of its ${targets.labels.length} pods.`);
  return { files: out, notes };
}

/** The file that declares most of a namespace's objects (its Namespace document goes there). */
function fileOfNamespace(model: ClusterModel, name: string): string | undefined {
  const sources = [...model.workloads, ...model.policies].filter((o) => o.namespace === name).map((o) => o.source?.file);
  return sources.find((f): f is string => f !== undefined);
}

function createNamespace(files: ManifestFile[], model: ClusterModel, name: string, edits: readonly LabelEdit[]): LabelChange {
  const current = model.namespaces.find((n) => n.name === name)?.labels ?? {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (k !== METADATA_NAME_LABEL) labels[k] = v;
  for (const e of edits) {
    if (e.value === null) delete labels[e.key];
    else labels[e.key] = e.value;
  }
  const target = fileOfNamespace(model, name) ?? files[0]?.name;
  const index = files.findIndex((f) => f.name === target);
  const file = files[index];
  if (!file) return { problem: 'no file to write the Namespace to' };
  const eol = lineBreakOf(file.text);
  const doc = renderClusterObject({ kind: 'Namespace', name, labels: labels as Labels }).replace(/\n/g, eol);
  const rest = file.text.replace(/^---[ \t]*\r?\n/, '');
  const out = [...files];
  out[index] = { name: file.name, text: rest.trim() === '' ? doc : `${doc}---${eol}${rest}` };
  return { files: out, notes: [`Namespace ${name} was only referenced: a Namespace document was added at the top of ${file.name}.`] };
}

/** The files with `edits` applied to the subject's labels, and notes on what else changed. */
export function setObjectLabels(files: readonly ManifestFile[], model: ClusterModel, subject: LabelSubject, edits: readonly LabelEdit[]): LabelChange {
  if (edits.some((e) => e.key === METADATA_NAME_LABEL)) {
    return { problem: `${METADATA_NAME_LABEL} is set by Kubernetes to the namespace’s name and cannot be changed` };
  }
  if (subject.kind === 'workload') return editWorkload([...files], model, subject.id, edits);
  if (subject.kind === 'pod') {
    const pod = model.pods.find((p) => p.id === subject.id);
    if (!pod) return { problem: `${subject.id} is no longer in the YAML` };
    if (pod.fromTemplate || pod.inferred || !pod.source) return editWorkload([...files], model, pod.workloadId, edits);
    const out = [...files];
    const problem = patchFile(out, { source: pod.source, path: within(pod.source, 'metadata.labels') }, edits);
    return problem ? { problem } : { files: out, notes: [] };
  }
  const ns = model.namespaces.find((n) => n.name === subject.name);
  if (!ns) return { problem: `namespace ${subject.name} is not in the model` };
  if (!ns.declared) return createNamespace([...files], model, subject.name, edits);
  if (!ns.source) return { problem: labelsLockedReason(model, subject) ?? 'no manifest' };
  const out = [...files];
  const problem = patchFile(out, { source: ns.source, path: within(ns.source, 'metadata.labels') }, edits);
  return problem ? { problem } : { files: out, notes: [] };
}
