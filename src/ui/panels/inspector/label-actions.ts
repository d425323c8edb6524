/**
 * What-if label edits from the inspector: the core patches the manifest text (byte-preserving,
 * see core/generate/set-object-labels.ts); here the new texts go to the store as ONE undo step
 * and the analysis runs at once, so the canvas, matrix and verdicts follow immediately.
 */
import { CLUSTER_FILE, patchClusterDocuments } from '../../../core/generate/cluster-docs.ts';
import {
  importManifests,
  inferredPodManifests,
  setObjectLabels,
  type ClusterModel,
  type LabelEdit,
  type LabelSubject,
  type ManifestFile,
} from '../../../core/index.ts';
import type { AppStore } from '../../store/index.ts';

/** The model of exactly the current texts (the analysis may lag behind typing by a moment). */
function currentModel(files: readonly ManifestFile[], analysis: { readonly files: readonly ManifestFile[]; readonly model: ClusterModel } | undefined): ClusterModel {
  if (analysis && analysis.files === files) return analysis.model;
  return importManifests(files.filter((f) => !f.name.endsWith('.flows'))).model;
}

/** Where the text changed: the first file edited and the 1-based line of its first change. */
export interface EditedPlace {
  readonly file: string;
  readonly line: number;
}

export type LabelEditResult = { readonly notes: readonly string[]; readonly place?: EditedPlace } | { readonly problem: string };

function firstChange(before: string, after: string): number {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return after.slice(0, i).split('\n').length;
}

export function applyLabelEdits(store: AppStore, subject: LabelSubject, edits: readonly LabelEdit[]): LabelEditResult {
  const state = store.getState();
  if (state.stale) return { problem: 'The YAML has errors: fix them first, so the labels can be found in the text.' };
  const change = setObjectLabels(state.files, currentModel(state.files, state.analysis), subject, edits);
  if ('problem' in change) return change;
  const changed = change.files.filter((f, i) => state.files[i]?.text !== f.text || state.files[i]?.name !== f.name);
  store.history.batch(() => {
    for (const file of changed) store.getState().setFileText(file.name, file.text);
  });
  store.getState().analyzeNow();
  const first = changed[0];
  const old = first ? state.files.find((f) => f.name === first.name) : undefined;
  return { notes: change.notes, ...(first ? { place: { file: first.name, line: firstChange(old?.text ?? '', first.text) } } : {}) };
}

/**
 * Pods inferred from the policies become Pod manifests (with the namespaces inference labelled)
 * in cluster.yaml: the same verdicts, but real objects whose labels can be changed. One undo step.
 */
export function writeInferredPods(store: AppStore): { readonly file: string } | { readonly problem: string } {
  const state = store.getState();
  const objects = inferredPodManifests(currentModel(state.files, state.analysis));
  if (objects.length === 0) return { problem: 'No pod is inferred any more.' };
  const existing = state.files.find((f) => f.name === CLUSTER_FILE);
  store.history.batch(() => {
    if (existing) store.getState().setFileText(CLUSTER_FILE, patchClusterDocuments(existing.text, { upsert: objects }));
    else store.getState().addFiles([{ name: CLUSTER_FILE, text: patchClusterDocuments('', { upsert: objects }) }]);
  });
  store.getState().analyzeNow();
  return { file: CLUSTER_FILE };
}
