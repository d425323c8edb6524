/** A Worker stand-in for unit tests: keeps the requests and runs one when told, as the real worker would. */
import type { AnalysisReply, AnalysisRequest } from '../../../src/ui/worker/protocol.ts';
import { handleAnalysisRequest } from '../../../src/ui/worker/protocol.ts';
import type { AnalysisWorker } from '../../../src/ui/worker/runner.ts';

export class FakeWorker implements AnalysisWorker {
  onmessage: ((event: { readonly data: AnalysisReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly requests: AnalysisRequest[] = [];
  terminated = false;

  postMessage(request: AnalysisRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.requests.push(structuredClone(request));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Deliver a reply as a message event (structured-cloned, as between threads). */
  reply(reply: AnalysisReply, transfer: ArrayBuffer[] = []): void {
    if (!this.terminated) this.onmessage?.({ data: structuredClone(reply, { transfer }) });
  }

  /** Analyse the latest request and deliver every reply. */
  runLatest(): void {
    const request = this.requests.at(-1);
    if (!request) throw new Error('no request to run');
    handleAnalysisRequest(request, (reply, transfer) => this.reply(reply, transfer));
  }
}

/** A factory for the runner that remembers every worker it made. */
export function fakeWorkers() {
  const made: FakeWorker[] = [];
  const create = () => {
    const worker = new FakeWorker();
    made.push(worker);
    return worker;
  };
  return { made, create, latest: () => made.at(-1) };
}
