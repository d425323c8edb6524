/**
 * Runs fuzz inputs in a worker thread under a watchdog. Import and evaluation are synchronous,
 * so an input that loops forever would block the test's own thread, and vitest's timeout (a
 * timer on that same thread) could never fire: the run would hang until CI kills it, without
 * saying which input. In a worker, a hung input is stopped (`terminate()` interrupts even a
 * tight loop), named, and the next input gets a fresh worker; an input that exhausts memory
 * kills only the worker (resourceLimits).
 */
import { Worker } from 'node:worker_threads';
import type { FuzzJob, FuzzOutcome } from './fuzz-check.ts';

export type WatchedOutcome =
  | { readonly kind: 'done'; readonly outcome: FuzzOutcome }
  | { readonly kind: 'hang'; readonly budgetMs: number }
  | { readonly kind: 'died'; readonly message: string };

/** A job, or (for the watchdog's own tests) a request to hang or to crash. */
export type WorkerRequest = FuzzJob | { readonly selfTest: 'hang' | 'crash' };

const ENTRY = new URL('./fuzz-worker.mjs', import.meta.url);

/**
 * Heap of the worker: far above what the corpus needs, far below what would take the machine
 * down. Stack: about what a browser tab's or Node's main thread has (workers default to 4 MB),
 * so deep recursion fails here where it would fail for users.
 */
const LIMITS = { maxOldGenerationSizeMb: 1024, stackSizeMb: 1 };

function spawn(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { resourceLimits: LIMITS });
    worker.once('message', (m) => (m === 'ready' ? resolve(worker) : reject(new Error(`fuzz worker said ${String(m)}`))));
    worker.once('error', reject);
  });
}

export class FuzzWatchdog {
  private worker: Promise<Worker> = spawn();

  constructor(readonly budgetMs: number) {}

  /** Run one input; a hang or a dead worker is an outcome, not an exception. */
  async run(job: WorkerRequest, budgetMs = this.budgetMs): Promise<WatchedOutcome> {
    const worker = await this.worker;
    return new Promise<WatchedOutcome>((resolve) => {
      const finish = (outcome: WatchedOutcome, restart: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (restart) {
          void worker.terminate();
          this.worker = spawn();
        }
        resolve(outcome);
      };
      const onMessage = (outcome: FuzzOutcome): void => finish({ kind: 'done', outcome }, false);
      const onError = (err: Error): void => finish({ kind: 'died', message: `${err.name}: ${err.message}` }, true);
      const timer = setTimeout(() => finish({ kind: 'hang', budgetMs }, true), budgetMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await (await this.worker).terminate();
  }
}
