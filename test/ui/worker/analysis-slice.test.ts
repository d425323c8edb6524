import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateClusterYaml } from '../../../bench/generate-cluster.ts';
import { ANALYSIS_DELAY_MS, WORKER_MIN_CHARS, needsWorker } from '../../../src/ui/store/analysis-slice.ts';
import { createAppStore } from '../../../src/ui/store/index.ts';
import { fakeWorkers } from './fake-worker.ts';

const SMALL = { name: 'small.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n' };
const LARGE = { name: 'cluster.yaml', text: generateClusterYaml({ pods: 500, workloads: 500, policies: 100, style: 'pods' }) };

function setUp() {
  const workers = fakeWorkers();
  const store = createAppStore({ analysisWorker: workers.create });
  return { store, workers, state: () => store.getState() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('analysis of large workspaces in the worker', () => {
  it('chooses the worker by size', () => {
    expect(LARGE.text.length).toBeGreaterThanOrEqual(WORKER_MIN_CHARS);
    expect(needsWorker([LARGE])).toBe(true);
    expect(needsWorker([SMALL])).toBe(false);
  });

  it('analyses small workspaces at once, without a worker', () => {
    const { store, workers } = setUp();
    store.getState().replaceFiles([SMALL], 'Small');
    expect(store.getState().analysis?.model.pods).toHaveLength(1);
    expect(store.getState().progress).toBeUndefined();
    expect(workers.made).toHaveLength(0);
  });

  it('shows progress while the worker runs, keeping the last analysis, then shows the new one', () => {
    const { store, workers, state } = setUp();
    state().replaceFiles([SMALL], 'Small');
    const before = state().analysis;
    state().replaceFiles([LARGE], 'Large');
    expect(state().progress?.fraction).toBe(0);
    expect(state().analysis).toBe(before);
    expect(state().files).toEqual([LARGE]);
    workers.latest()!.runLatest();
    expect(state().progress?.phase).toBe('drawing');
    vi.runAllTimers();
    expect(state().progress).toBeUndefined();
    expect(state().analysis?.files).toEqual([LARGE]);
    expect(state().analysis?.model.pods).toHaveLength(500);
    expect(state().analysis?.workloadMatrix?.units).toHaveLength(500);
  });

  it('typing during an analysis replaces it: latest wins', () => {
    const { workers, state } = setUp();
    state().replaceFiles([LARGE], 'Large');
    const first = workers.latest()!;
    const edited = `${LARGE.text}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: typed\n  namespace: team-0\n`;
    state().setFileText(LARGE.name, edited);
    vi.advanceTimersByTime(ANALYSIS_DELAY_MS);
    expect(first.terminated).toBe(true);
    workers.latest()!.runLatest();
    vi.runAllTimers();
    expect(state().analysis?.model.pods.some((p) => p.id === 'team-0/typed')).toBe(true);
    expect(state().progress).toBeUndefined();
  });

  it('cancel keeps the text and the last analysis, and says the analysis was cancelled until the next one', () => {
    const { workers, state } = setUp();
    state().replaceFiles([SMALL], 'Small');
    const before = state().analysis;
    state().replaceFiles([LARGE], 'Large');
    state().cancelAnalysis();
    expect(workers.latest()!.terminated).toBe(true);
    expect(state().files).toEqual([LARGE]);
    expect(state().analysis).toBe(before);
    expect(state().progress).toBeUndefined();
    expect(state().analysisCancelled).toBe(true);
    // Retry
    state().requestAnalysis();
    expect(state().analysisCancelled).toBe(false);
    workers.latest()!.runLatest();
    vi.runAllTimers();
    expect(state().analysis?.files).toEqual([LARGE]);
  });

  it('cancel in the moment between a finished analysis and its drawing keeps the last analysis', () => {
    const { workers, state } = setUp();
    state().replaceFiles([SMALL], 'Small');
    const before = state().analysis;
    state().replaceFiles([LARGE], 'Large');
    workers.latest()!.runLatest();
    expect(state().progress?.phase).toBe('drawing');
    state().cancelAnalysis();
    vi.runAllTimers();
    expect(state().analysis).toBe(before);
    expect(state().analysisCancelled).toBe(true);
  });

  it('an analysis asked for at once (drawing) also runs in the worker when large, replacing the one running', () => {
    const { workers, state } = setUp();
    state().replaceFiles([LARGE], 'Large');
    const first = workers.latest()!;
    state().analyzeNow();
    expect(first.terminated).toBe(true);
    expect(state().progress?.phase).toBe('reading');
    workers.latest()!.runLatest();
    vi.runAllTimers();
    expect(state().progress).toBeUndefined();
    expect(state().analysis?.files).toEqual([LARGE]);
  });

  it('a result arriving after a newer one was shown is dropped', () => {
    const { workers, state } = setUp();
    state().replaceFiles([LARGE], 'Large');
    workers.latest()!.runLatest(); // done: drawing on the next task
    state().replaceFiles([SMALL], 'Small'); // analysed at once
    vi.runAllTimers();
    expect(state().analysis?.files).toEqual([SMALL]);
  });
});
