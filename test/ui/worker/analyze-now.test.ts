import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateClusterYaml } from '../../../bench/generate-cluster.ts';
import { CLUSTER_FILE, POLICIES_FILE } from '../../../src/ui/store/drawing-slice.ts';
import { createAppStore } from '../../../src/ui/store/index.ts';
import { fakeWorkers } from './fake-worker.ts';

// Large enough for the worker (see analysis-slice.test.ts); not named cluster.yaml, where drawings go.
const LARGE = { name: 'big.yaml', text: generateClusterYaml({ pods: 500, workloads: 500, policies: 100, style: 'pods' }) };
const SMALL = { name: 'small.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n' };

const drawn = (name: string, port: number) => ({
  kind: 'Pod' as const,
  namespace: 'drawn',
  name,
  labels: { app: name },
  ports: [{ name: 'http', containerPort: port, protocol: 'TCP' as const }],
});

function setUp() {
  const workers = fakeWorkers();
  const store = createAppStore({ analysisWorker: workers.create });
  const state = () => store.getState();
  /** Let the worker answer the latest request, and the page draw it. */
  const finishAnalysis = () => {
    workers.latest()!.runLatest();
    vi.runAllTimers();
  };
  return { store, workers, state, finishAnalysis };
}

/** A large workspace with two drawn pods, every analysis finished. */
function largeWithTwoPods() {
  const setup = setUp();
  const { state, finishAnalysis } = setup;
  state().replaceFiles([LARGE], 'Large');
  finishAnalysis();
  state().addWorkload(drawn('web', 8080));
  finishAnalysis(); // the patched cluster; then the generator's policies
  finishAnalysis();
  state().addWorkload(drawn('api', 9000));
  finishAnalysis();
  finishAnalysis();
  return setup;
}

const textOf = (files: readonly { name: string; text: string }[], name: string) => files.find((f) => f.name === name)?.text;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('analyzeNow', () => {
  it('runs `then` before returning when the workspace is small', () => {
    const { state, workers } = setUp();
    state().replaceFiles([SMALL], 'Small');
    let seen: number | undefined;
    state().analyzeNow(() => {
      seen = state().analysis?.model.pods.length;
    });
    expect(seen).toBe(1);
    expect(workers.made).toHaveLength(0);
  });

  it('runs `then` once the worker’s analysis is on screen when the workspace is large', () => {
    const { state, finishAnalysis } = setUp();
    state().replaceFiles([LARGE], 'Large');
    finishAnalysis();
    state().setFileText(LARGE.name, `${LARGE.text}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: typed\n  namespace: team-0\n`);
    const seen: boolean[] = [];
    state().analyzeNow(() => seen.push(state().analysis!.model.pods.some((p) => p.id === 'team-0/typed')));
    expect(seen).toEqual([]);
    expect(state().progress).toBeDefined();
    finishAnalysis();
    expect(seen).toEqual([true]);
  });

  it('never runs `then` when a newer request or a cancel replaced the analysis', () => {
    const { state, finishAnalysis } = setUp();
    state().replaceFiles([LARGE], 'Large');
    finishAnalysis();
    const seen: string[] = [];
    state().analyzeNow(() => seen.push('replaced'));
    state().requestAnalysis();
    finishAnalysis();
    state().analyzeNow(() => seen.push('cancelled'));
    state().cancelAnalysis();
    vi.runAllTimers();
    expect(seen).toEqual([]);
  });
});

describe('drawing in a large workspace', () => {
  it('keeps the page free: the drawn workload’s policies are generated once its analysis is back', () => {
    const { state, finishAnalysis } = setUp();
    state().replaceFiles([LARGE], 'Large');
    finishAnalysis();
    expect(state().addWorkload(drawn('web', 8080))).toBeUndefined();
    expect(textOf(state().files, CLUSTER_FILE)).toMatch(/name: web/);
    expect(state().analysis?.model.workloads.some((w) => w.id === 'drawn/web')).toBe(false);
    finishAnalysis();
    expect(state().analysis?.model.workloads.some((w) => w.id === 'drawn/web')).toBe(true);
  });

  it('draws a flow: the intent at once, the policy and its verdicts after the worker’s analysis', () => {
    const { state, finishAnalysis } = largeWithTwoPods();
    expect(state().addFlow('drawn/web', 'drawn/api', { kind: 'declared' })).toBeUndefined();
    expect(state().intents).toHaveLength(1);
    expect(textOf(state().files, POLICIES_FILE)).toMatch(/allow-api-ingress/);
    expect(state().progress).toBeDefined();
    finishAnalysis();
    const evaluator = state().analysis!.evaluator;
    expect(evaluator.verdict('drawn/web', 'drawn/api', 'TCP', 9000).allowed).toBe(true);
    expect(evaluator.verdict('drawn/api', 'drawn/web', 'TCP', 8080).allowed).toBe(true);
    expect(state().progress).toBeUndefined();
  });

  it('typing while a label edit’s analysis runs: the drawing’s policies are still regenerated, by the typed text’s analysis', () => {
    const { state, finishAnalysis } = largeWithTwoPods();
    expect(state().addFlow('drawn/web', 'drawn/api', { kind: 'declared' })).toBeUndefined();
    finishAnalysis();
    expect(textOf(state().files, POLICIES_FILE)).toMatch(/app: api\b/);
    // The label edit patches cluster.yaml; its policies wait for that analysis, which typing replaces.
    expect(state().updateWorkload('drawn/api', { labels: { app: 'backend' } })).toBeUndefined();
    state().setFileText(LARGE.name, `${LARGE.text}# typed meanwhile\n`);
    state().requestAnalysis();
    finishAnalysis(); // the typed text's analysis: the generator runs now
    expect(textOf(state().files, POLICIES_FILE)).toMatch(/app: backend\b/);
    expect(textOf(state().files, POLICIES_FILE)).not.toMatch(/app: api\b/);
    finishAnalysis(); // the generated policies' analysis
    expect(state().analysis!.evaluator.verdict('drawn/web', 'drawn/api', 'TCP', 9000).allowed).toBe(true);
    expect(state().progress).toBeUndefined();
  });

  it('undo while a drawing’s analysis runs: the undone document is analysed, the drawing’s follow-up never runs', () => {
    const { store, state, finishAnalysis } = largeWithTwoPods();
    const before = state().files;
    store.history.breakGroup();
    state().addWorkload(drawn('db', 5432)); // its policies wait for this analysis
    store.history.undo();
    expect(state().files).toEqual(before);
    finishAnalysis();
    expect(state().files).toEqual(before);
    expect(state().analysis?.model.workloads.some((w) => w.id === 'drawn/db')).toBe(false);
    expect(state().analysis?.files).toEqual(before);
  });

  it('deleting a flow that a hand-written rule still allows offers the removal after the analysis', () => {
    const { state, finishAnalysis } = largeWithTwoPods();
    const allowAll = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: hand\n  namespace: drawn\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: web}}\n`;
    state().setFileText(LARGE.name, `${LARGE.text}${allowAll}`);
    state().addFlow('drawn/web', 'drawn/api', { kind: 'declared' });
    finishAnalysis();
    expect(state().deleteFlow('drawn/web', 'drawn/api')).toBeUndefined();
    expect(state().pendingRemoval).toBeUndefined();
    finishAnalysis();
    expect(state().pendingRemoval?.removal.allowances.map((a) => a.policy)).toContain('drawn/hand');
  });
});
