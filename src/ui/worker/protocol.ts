/**
 * The messages between the page and the analysis worker, and what the worker does with a
 * request, as a plain function (tested without a real Worker). One request at a time: a newer
 * request replaces the worker altogether (see runner.ts), so replies carry the request's id and
 * the page ignores any that is not the latest.
 *
 * The data comes in parts, then `done` with the last one: the page deserializes each message in
 * a task of its own, so no single task unpacks a whole large analysis (the model, the lint and
 * the matrices each take tens of milliseconds at 50,000 pods). Typed arrays are transferred.
 */
import { matrixDataBuffers, namespacePairsBuffers, type ManifestFile } from '../../core/index.ts';
import { computeAnalysisData, type AnalysisData } from '../analysis.ts';
import type { AnalysisProgress } from './progress.ts';

export interface AnalysisRequest {
  readonly type: 'analyze';
  readonly id: number;
  readonly files: readonly ManifestFile[];
}

export type AnalysisPart = Partial<AnalysisData>;

export type AnalysisReply =
  | { readonly type: 'progress'; readonly id: number; readonly progress: AnalysisProgress }
  | { readonly type: 'part'; readonly id: number; readonly part: AnalysisPart }
  | { readonly type: 'done'; readonly id: number; readonly part: AnalysisPart }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

export type PostReply = (reply: AnalysisReply, transfer: ArrayBuffer[]) => void;

/** Progress is posted when the sentence changes or the bar moves by at least this much. */
const PROGRESS_STEP = 0.01;

/** The data in the parts it is posted in, each with the buffers to transfer. */
function partsOf(data: AnalysisData): { part: AnalysisPart; transfer: ArrayBuffer[] }[] {
  const { model, issues, lint, assertions, workloadFlows, workloadFlowPairs, workloadHalfOpenPairs, matrix, workloadMatrix, namespacePairs } = data;
  const parts = [
    { part: { model, issues }, transfer: [] },
    { part: { lint, assertions, workloadFlows }, transfer: [] },
    { part: { matrix }, transfer: matrixDataBuffers(matrix) },
    {
      part: { workloadMatrix, namespacePairs, workloadFlowPairs, workloadHalfOpenPairs },
      transfer: [
        ...matrixDataBuffers(workloadMatrix),
        ...namespacePairsBuffers(namespacePairs),
        workloadFlowPairs.buffer as ArrayBuffer,
        workloadHalfOpenPairs.buffer as ArrayBuffer,
      ],
    },
  ];
  // A buffer is transferred once (the matrices may share one).
  const sent = new Set<ArrayBuffer>();
  return parts.map(({ part, transfer }) => ({
    part,
    transfer: transfer.filter((buffer) => !sent.has(buffer) && sent.add(buffer)),
  }));
}

/** The data again, from the parts of a done reply in order. */
export function assembleAnalysisData(parts: readonly AnalysisPart[]): AnalysisData {
  return Object.assign({}, ...parts) as AnalysisData;
}

/** Analyse the request's files, posting progress, then the data in parts (typed arrays transferred). */
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
  const parts = partsOf(data);
  parts.forEach(({ part, transfer }, i) => post({ type: i === parts.length - 1 ? 'done' : 'part', id, part }, transfer));
}
