/**
 * What the user draws: flows ("allow this traffic") as intents, the generator settings, and
 * external endpoints placed without flows yet. Every drawing action patches the files and
 * re-analyses at once:
 * - drawn Namespaces and workloads are documents of `cluster.yaml` (created when missing);
 * - the policies generated from the intents are synced into the files (new ones go to
 *   `policies.yaml`); only documents marked as generated are ever replaced or deleted;
 * - every other document keeps its text byte for byte.
 *
 * Deleting a flow that a hand-written rule still allows never rewrites that rule silently: the
 * removal is kept as `pendingRemoval` with the precise choices, and only `applyRemoval` edits
 * the one policy document the user picked.
 */
import {
  CLUSTER_FILE,
  clusterKey,
  patchClusterDocuments,
  type ClusterPatch,
  type DrawnNamespace,
  type DrawnWorkload,
  type DrawnWorkloadKind,
} from '../../core/generate/cluster-docs.ts';
import {
  DEFAULT_GENERATOR_SETTINGS,
  applyRemovalChoice,
  generatePolicies,
  isGeneratedPolicy,
  removeFlow,
  replacePolicyDocument,
  syncFiles,
  type ContainerPort,
  type FlowEnd,
  type FlowIntent,
  type ClusterModel,
  type FlowRemoval,
  type GenerateResult,
  type GeneratorProblem,
  type NetworkPolicy,
  type GeneratorSettings,
  type Labels,
  type ManifestFile,
  type PortIntent,
  type RemovalChoice,
} from '../../core/index.ts';
import { endOfNode, findIntent, nodeIdOfEnd } from '../canvas/drawing.ts';
import type { SliceCreator } from './types.ts';

/** Generated policies that no file holds yet go to this file. */
export const POLICIES_FILE = 'policies.yaml';
export { CLUSTER_FILE };

/** An external endpoint placed on the canvas (it stays even without flows). */
export interface DrawnExternal {
  /** The canvas node id (`ext:<label>`, `ext:anywhere`). */
  readonly id: string;
  readonly end: FlowEnd;
}

/** A deleted flow that policies still allow, and what the user may do about each rule. */
export interface PendingRemoval {
  readonly source: string;
  readonly target: string;
  readonly intent: FlowIntent;
  readonly removal: FlowRemoval;
}

export interface DrawingSlice {
  readonly intents: readonly FlowIntent[];
  readonly generatorSettings: GeneratorSettings;
  readonly drawnExternals: readonly DrawnExternal[];
  /** Problems of the last generation (warnings, skipped flows). */
  readonly generatorProblems: readonly GeneratorProblem[];
  readonly pendingRemoval: PendingRemoval | undefined;
  /** The YAML pane hides `cluster.yaml` (the drawn Namespace and workload manifests). */
  readonly hideClusterManifests: boolean;
  /** Each action returns undefined when done, or why it was refused. */
  addNamespace(namespace: DrawnNamespace): string | undefined;
  addWorkload(workload: DrawnWorkload): string | undefined;
  updateWorkload(id: string, change: { readonly labels?: Labels; readonly ports?: readonly ContainerPort[] }): string | undefined;
  deleteWorkload(id: string): string | undefined;
  /** Delete a namespace drawn in cluster.yaml with its drawn workloads and their flows. */
  deleteNamespace(name: string): string | undefined;
  /** Returns the node id, or why the end was refused. */
  addExternal(end: FlowEnd): { readonly id: string } | { readonly problem: string };
  deleteExternal(id: string): void;
  /** Draw (or redraw with other ports) the flow between two canvas nodes. */
  addFlow(source: string, target: string, ports: PortIntent): string | undefined;
  /** Delete the flow between two canvas nodes (drawn or not). */
  deleteFlow(source: string, target: string): string | undefined;
  applyRemoval(allowanceIndex: number, choice: Exclude<RemovalChoice, 'leave'>): string | undefined;
  dismissRemoval(): void;
  setGeneratorSettings(change: Partial<GeneratorSettings>): void;
  setHideClusterManifests(hide: boolean): void;
}

/**
 * Generated policies (marked managed-by netpol-canvas) that the current drawing did not make,
 * e.g. in manifests imported after an earlier session, are kept as they are (re-rendered, so
 * their comments go) instead of being deleted by the sync: only the drawing that made a policy
 * may remove it.
 */
function withForeignPolicies(
  model: ClusterModel,
  generated: GenerateResult,
  previous: { readonly model: ClusterModel; readonly intents: readonly FlowIntent[]; readonly settings: GeneratorSettings },
): GenerateResult {
  const key = (p: NetworkPolicy) => `${p.namespace}/${p.name}`;
  const managed = model.policies.filter(isGeneratedPolicy);
  if (managed.length === 0) return generated;
  // What the previous drawing made, over the model it was drawn on (a workload it named may be gone now).
  const ours = new Set([...generatePolicies(previous.model, previous.intents, previous.settings).policies, ...generated.policies].map(key));
  const foreign = managed.filter((p) => !ours.has(key(p)));
  if (foreign.length === 0) return generated;
  return { ...generated, policies: [...generated.policies, ...foreign] };
}

function upsertFile(files: readonly ManifestFile[], name: string, edit: (text: string) => string): ManifestFile[] {
  const present = files.some((f) => f.name === name);
  const all = present ? files : [...files, { name, text: '' }];
  return all.map((f) => (f.name === name ? { name, text: edit(f.text) } : f));
}

function sameEnds(a: FlowIntent, source: string, target: string): boolean {
  return nodeIdOfEnd(a.source) === source && nodeIdOfEnd(a.destination) === target;
}

export const createDrawingSlice: SliceCreator<DrawingSlice> = (set, get, api) => {
  const model = () => get().analysis?.model;

  /**
   * The policy generation a cluster.yaml patch waits for (in a large workspace its analysis runs
   * in the worker): run by the first analysis that lands while the drawing is the same, the
   * patched cluster's own or, when typing replaced that request, the typed text's; dropped when
   * the drawing changed meanwhile (undo, another drawing, another workspace), whose own
   * generation stands.
   */
  let awaiting: { readonly intents: readonly FlowIntent[]; readonly generation: number; readonly run: () => void } | undefined;
  api.subscribe((state, previous) => {
    if (!awaiting || state.analysis === previous.analysis) return;
    const { intents, generation, run } = awaiting;
    awaiting = undefined;
    if (state.intents === intents && state.generation === generation && !state.stale) run();
  });

  /**
   * Patch cluster.yaml (when asked), then regenerate and sync the policies; analyse, then run
   * `then` (which reads the new analysis). In a large workspace the analyses run in the worker:
   * the generator waits for the patched cluster's analysis (`awaiting`), and `then` does not run
   * when a newer request (typing, undo, another drawing) replaced it. The intents are set at
   * once, so a drawing replaced meanwhile is not lost: the next generation includes it.
   */
  const apply = (
    change: { intents?: readonly FlowIntent[]; settings?: GeneratorSettings; cluster?: ClusterPatch },
    then?: () => void,
  ): string | undefined => {
    if (get().stale) return 'The YAML has errors: fix them before drawing';
    const before = model();
    const previous = { intents: get().intents, settings: get().generatorSettings };
    const intents = change.intents ?? get().intents;
    const settings = change.settings ?? get().generatorSettings;
    const generate = (): string | undefined => {
      const current = model();
      if (!current) return 'Nothing is loaded yet';
      const generated = withForeignPolicies(current, generatePolicies(current, get().intents, get().generatorSettings), { ...previous, model: before ?? current });
      const synced = syncFiles(get().files, generated, POLICIES_FILE);
      set({ generatorProblems: generated.problems, files: synced.files });
      get().analyzeNow(then);
      return undefined;
    };
    if (!change.cluster) {
      if (!before) return 'Nothing is loaded yet';
      set({ intents, generatorSettings: settings });
      return generate();
    }
    const patch = change.cluster;
    set({ intents, generatorSettings: settings, files: upsertFile(get().files, CLUSTER_FILE, (text) => patchClusterDocuments(text, patch)) });
    let problem: string | undefined;
    awaiting = { intents, generation: get().generation, run: () => (problem = generate()) };
    get().analyzeNow();
    // Set when the analysis ran at once (a small workspace); in the worker's case it comes later.
    return problem;
  };

  const workloadInCluster = (id: string) => {
    const w = model()?.workloads.find((x) => x.id === id);
    const file = get().files.find((f) => f.name === CLUSTER_FILE);
    if (!w || !file || w.source?.file !== CLUSTER_FILE) return undefined;
    return w;
  };

  const computeRemoval = (intents: readonly FlowIntent[], intent: FlowIntent): FlowRemoval | undefined => {
    const current = model();
    if (!current) return undefined;
    return removeFlow(current, [...intents, intent], intents.length, get().generatorSettings);
  };

  /** What still allows a removed flow (a hand-written rule, an open side), offered as choices; none when nothing does. */
  const offerRemoval = (intents: readonly FlowIntent[], pending: Omit<PendingRemoval, 'removal'>) => {
    const removal = computeRemoval(intents, pending.intent);
    const stillAllowed = removal && (removal.allowances.length > 0 || removal.openSides.length > 0);
    set({ pendingRemoval: stillAllowed ? { ...pending, removal } : undefined });
  };

  return {
    intents: [],
    generatorSettings: DEFAULT_GENERATOR_SETTINGS,
    drawnExternals: [],
    generatorProblems: [],
    pendingRemoval: undefined,
    hideClusterManifests: false,

    addNamespace(namespace) {
      if (model()?.namespaces.some((n) => n.name === namespace.name && n.declared)) return `Namespace ${namespace.name} exists`;
      return apply({ cluster: { upsert: [namespace] } });
    },

    addWorkload(workload) {
      const id = `${workload.namespace}/${workload.name}`;
      if (model()?.workloads.some((w) => w.id === id)) return `A workload ${id} exists`;
      const upsert: (DrawnWorkload | DrawnNamespace)[] = [workload];
      if (!model()?.namespaces.some((n) => n.name === workload.namespace && n.declared)) {
        upsert.unshift({ kind: 'Namespace', name: workload.namespace });
      }
      return apply({ cluster: { upsert } });
    },

    updateWorkload(id, change) {
      const w = workloadInCluster(id);
      if (!w) return `${id} is not drawn in ${CLUSTER_FILE}: edit it in its YAML`;
      const next: DrawnWorkload = {
        kind: w.kind as DrawnWorkloadKind,
        namespace: w.namespace,
        name: w.name,
        labels: change.labels ?? w.labels,
        ports: change.ports ?? w.ports,
        replicas: w.replicas,
      };
      return apply({ cluster: { upsert: [next] } });
    },

    deleteWorkload(id) {
      const w = workloadInCluster(id);
      if (!w) return `${id} is not drawn in ${CLUSTER_FILE}: delete it in its YAML`;
      const intents = get().intents.filter((i) => nodeIdOfEnd(i.source) !== id && nodeIdOfEnd(i.destination) !== id);
      set({ selection: null, pendingRemoval: undefined });
      return apply({ intents, cluster: { remove: [clusterKey(w.kind, w.namespace, w.name)] } });
    },

    deleteNamespace(name) {
      const current = model();
      const namespace = current?.namespaces.find((n) => n.name === name);
      if (!current || !namespace || namespace.source?.file !== CLUSTER_FILE) {
        return `Namespace ${name} is not drawn in ${CLUSTER_FILE}: delete it in its YAML`;
      }
      const members = current.workloads.filter((w) => w.namespace === name);
      const foreign = members.filter((w) => w.source?.file !== CLUSTER_FILE);
      if (foreign.length > 0) {
        return `Namespace ${name} holds workloads from other files (${foreign.map((w) => w.name).join(', ')}): delete them in the YAML first`;
      }
      const gone = new Set(members.map((w) => w.id));
      const intents = get().intents.filter((i) => !gone.has(nodeIdOfEnd(i.source) ?? '') && !gone.has(nodeIdOfEnd(i.destination) ?? ''));
      set({ selection: null, pendingRemoval: undefined });
      return apply({
        intents,
        cluster: {
          remove: [clusterKey('Namespace', undefined, name), ...members.map((w) => clusterKey(w.kind, w.namespace, w.name))],
        },
      });
    },

    addExternal(end) {
      const id = nodeIdOfEnd(end);
      if (!id) return { problem: 'Not a CIDR or an address' };
      if (!get().drawnExternals.some((e) => e.id === id)) set({ drawnExternals: [...get().drawnExternals, { id, end }] });
      return { id };
    },

    deleteExternal(id) {
      const intents = get().intents.filter((i) => nodeIdOfEnd(i.source) !== id && nodeIdOfEnd(i.destination) !== id);
      set({ drawnExternals: get().drawnExternals.filter((e) => e.id !== id), selection: null });
      if (intents.length !== get().intents.length) apply({ intents });
    },

    addFlow(source, target, ports) {
      const drawn = get().drawnExternals;
      const end = (id: string) => drawn.find((e) => e.id === id)?.end ?? endOfNode(id);
      const from = end(source);
      const to = end(target);
      if (!from || !to) return 'Flows go between workloads and single address blocks';
      if (from.kind !== 'workload' && to.kind !== 'workload') return 'A flow needs a workload at one end at least';
      const intent: FlowIntent = { source: from, destination: to, ports };
      const intents = [...get().intents];
      const index = findIntent(intents, source, target);
      if (index >= 0) intents[index] = intent;
      else intents.push(intent);
      set({ pendingRemoval: undefined });
      return apply({ intents });
    },

    deleteFlow(source, target) {
      const intents = get().intents;
      const index = intents.findIndex((i) => sameEnds(i, source, target));
      let intent = intents[index];
      if (!intent) {
        const from = endOfNode(source);
        const to = endOfNode(target);
        if (!from || !to) return 'This flow cannot be deleted from the canvas: edit the policies allowing it';
        intent = { source: from, destination: to, ports: { kind: 'all' } };
      }
      const remaining = intents.filter((_, i) => i !== index);
      const removed = intent;
      return apply({ intents: remaining }, () => offerRemoval(remaining, { source, target, intent: removed }));
    },

    applyRemoval(allowanceIndex, choice) {
      const pending = get().pendingRemoval;
      const allowance = pending?.removal.allowances[allowanceIndex];
      const current = model();
      if (!pending || !allowance || allowance.peerIndex === undefined || !current) return 'Nothing to change';
      const policy = current.policies.find((p) => `${p.namespace}/${p.name}` === allowance.policy);
      const file = policy?.source ? get().files.find((f) => f.name === policy.source!.file) : undefined;
      if (!policy || !file) return `Policy ${allowance.policy} was not found`;
      const exclude = allowance.direction === 'ingress' ? pending.intent.source : pending.intent.destination;
      const ref = { direction: allowance.direction, ruleIndex: allowance.ruleIndex, peerIndex: allowance.peerIndex };
      const edited = applyRemovalChoice(current, policy, [ref], choice, exclude);
      if ('problem' in edited) return edited.problem;
      const text = replacePolicyDocument(file.text, edited.policy);
      if (text === undefined) return `${allowance.policy} is not a document of its own in ${file.name}: edit it by hand`;
      set({ files: get().files.map((f) => (f.name === file.name ? { name: f.name, text } : f)) });
      get().analyzeNow(() => offerRemoval(get().intents, pending));
      return undefined;
    },

    dismissRemoval() {
      set({ pendingRemoval: undefined });
    },

    setGeneratorSettings(change) {
      apply({ settings: { ...get().generatorSettings, ...change } });
    },

    setHideClusterManifests(hide) {
      const active = get().activeFile;
      set({ hideClusterManifests: hide });
      if (hide && active === CLUSTER_FILE) {
        const other = get().files.find((f) => f.name !== CLUSTER_FILE);
        if (other) set({ activeFile: other.name });
      }
    },
  };
};
