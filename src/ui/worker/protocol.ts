/**
 * The messages between the page and the analysis worker, and what the worker does with a
 * request, as a plain function (tested without a real Worker). One request at a time: a newer
 * request replaces the worker altogether (see runner.ts), so replies carry the request's id and
 * the page ignores any that is not the latest.
 */
import { matrixDataBuffers, type ManifestFile } from '../../core/index.ts';
import { computeAnalysisData, type AnalysisData } from '../analysis.ts';
import type { AnalysisProgress } from './progress.ts';

export interface AnalysisRequest {
  readonly type: 'analyze';
  readonly id: number;
  readonly files: readonly ManifestFile[];
}

export type AnalysisReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: AnalysisProgress }
  | { readonly type: 'done'; readonly id: number; readonly data: AnalysisData }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

export type PostReply = (reply: AnalysisReply, transfer: ArrayBuffer[]) => void;

/** Progress is posted when the sentence changes or the bar moves by at least this much. */
const PROGRESS_STEP = 0.01;

/** Analyse the request's files, posting progress, then the data (its typed arrays transferred). */
export function handleAnalysisRequest(request: AnalysisRequest, post: PostReply): void {
  const { id } = request;
  let last: AnalysisProgress | undefined;
  const report = (progress: AnalysisProgress) => {
    if (last && last.text === progress.text && progress.fraction - last.fraction < PROGRESS_STEP) return;
    last = progress;
    post({ type: 'progress', id, progress }, []);
  };
  let data: AnalysisData;
  try {
    data = computeAnalysisData(request.files, report);
  } catch (err) {
    post({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) }, []);
    return;
  }
  post({ type: 'done', id, data }, [...new Set([...matrixDataBuffers(data.matrix), ...matrixDataBuffers(data.workloadMatrix)])]);
}
