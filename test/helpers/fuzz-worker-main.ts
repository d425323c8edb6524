/** The fuzz worker's loop: one job in, one outcome out (see fuzz-watchdog.ts). */
import { parentPort } from 'node:worker_threads';
import { checkInput } from './fuzz-check.ts';
import type { WorkerRequest } from './fuzz-watchdog.ts';

const port = parentPort;
if (!port) throw new Error('fuzz-worker-main.ts runs in a worker thread');
port.on('message', (request: WorkerRequest) => {
  if ('selfTest' in request) {
    // The watchdog's own tests: an input that never ends, and one that kills the worker.
    if (request.selfTest === 'crash') throw new Error('fuzz worker self-test crash');
    for (;;);
  }
  port.postMessage(checkInput(request));
});
port.postMessage('ready');
