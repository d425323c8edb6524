/**
 * The analysis worker: imports and evaluates large workspaces off the page's thread.
 * Loaded by runner.ts as a module worker from the app's own origin (the CSP allows 'self').
 */
import { handleAnalysisRequest, type AnalysisReply, type AnalysisRequest } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope used here (the app's types are the DOM's, not a worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  handleAnalysisRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
};
