import { describe, expect, it } from 'vitest';
import type { AnalysisData } from '../../../src/ui/analysis.ts';
import type { AnalysisProgress } from '../../../src/ui/worker/progress.ts';
import { createAnalysisRunner } from '../../../src/ui/worker/runner.ts';
import { fakeWorkers } from './fake-worker.ts';

const POD = { name: 'a.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\n' };

function recorder() {
  const events: string[] = [];
  const progress: AnalysisProgress[] = [];
  const data: AnalysisData[] = [];
  return {
    events,
    progress,
    data,
    job: (name: string) => ({
      onProgress: (p: AnalysisProgress) => {
        progress.push(p);
        events.push(`${name}:progress`);
      },
      onDone: (d: AnalysisData) => {
        data.push(d);
        events.push(`${name}:done`);
      },
      onFailed: (m: string) => events.push(`${name}:failed:${m}`),
    }),
  };
}

describe('the analysis runner', () => {
  it('runs a request in a worker and hands back its progress and data', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    expect(runner.running).toBe(true);
    workers.latest()!.runLatest();
    expect(rec.events.at(-1)).toBe('a:done');
    expect(rec.events.slice(0, -1).every((e) => e === 'a:progress')).toBe(true);
    expect(rec.data[0]!.model.pods.map((p) => p.id)).toEqual(['default/web']);
    expect(runner.running).toBe(false);
  });

  it('keeps an idle worker for the next request', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    workers.latest()!.runLatest();
    runner.run([POD], rec.job('b'));
    expect(workers.made).toHaveLength(1);
    expect(workers.made[0]!.terminated).toBe(false);
  });

  it('replaces a running analysis: the old worker is terminated and only the latest answers', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('old'));
    const first = workers.latest()!;
    runner.run([{ ...POD, text: POD.text.replace('web', 'api') }], rec.job('new'));
    expect(first.terminated).toBe(true);
    expect(workers.made).toHaveLength(2);
    // A reply the old worker had already queued changes nothing.
    first.onmessage?.({ data: { type: 'failed', id: first.requests[0]!.id, message: 'late' } });
    workers.latest()!.runLatest();
    expect(rec.events.filter((e) => e.startsWith('old'))).toEqual([]);
    expect(rec.data[0]!.model.pods.map((p) => p.id)).toEqual(['default/api']);
  });

  it('hands back the data only once its last part has come, assembled from every part', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    const worker = workers.latest()!;
    const id = worker.requests[0]!.id;
    worker.reply({ type: 'part', id, part: { issues: [] } });
    worker.reply({ type: 'part', id: id + 1, part: { lint: [] } }); // not this request's: ignored
    expect(rec.data).toEqual([]);
    expect(runner.running).toBe(true);
    worker.reply({ type: 'done', id, part: { assertions: [] } });
    expect(rec.data).toEqual([{ issues: [], assertions: [] }]);
    expect(runner.running).toBe(false);
  });

  it('cancel terminates the worker and no callback is called afterwards', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    const worker = workers.latest()!;
    runner.cancel();
    expect(worker.terminated).toBe(true);
    expect(runner.running).toBe(false);
    worker.onmessage?.({ data: { type: 'progress', id: worker.requests[0]!.id, progress: { phase: 'reading', text: 'x', fraction: 0 } } });
    expect(rec.events).toEqual([]);
  });

  it('reports a worker that cannot start as a failure', () => {
    const runner = createAnalysisRunner(() => {
      throw new Error('blocked');
    });
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    expect(rec.events).toEqual(['a:failed:The analysis worker could not start (blocked)']);
    expect(runner.running).toBe(false);
  });

  it('reports a worker that crashed as a failure and starts a fresh one next time', () => {
    const workers = fakeWorkers();
    const runner = createAnalysisRunner(workers.create);
    const rec = recorder();
    runner.run([POD], rec.job('a'));
    workers.latest()!.onerror?.(new Error('boom'));
    expect(rec.events).toEqual(['a:failed:The analysis worker stopped unexpectedly']);
    runner.run([POD], rec.job('b'));
    expect(workers.made).toHaveLength(2);
  });
});
