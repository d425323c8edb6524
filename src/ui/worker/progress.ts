/**
 * What an analysis in progress tells the user: a phase, a sentence and a fraction of the whole.
 * The fractions follow where the time goes for a 5,000-pod cluster (`npm run bench`): reading
 * the YAML is about two thirds, the pod matrix a fifth, the workload matrix a tenth.
 */
import type { ImportProgress } from '../../core/index.ts';

export type AnalysisPhase = 'reading' | 'evaluating' | 'checking' | 'drawing';

export interface AnalysisProgress {
  readonly phase: AnalysisPhase;
  /** `Reading 1,200 of 6,011 documents` */
  readonly text: string;
  /** Of the whole analysis, 0 to 1. */
  readonly fraction: number;
}

export type ProgressReporter = (progress: AnalysisProgress) => void;

const count = (n: number) => n.toLocaleString('en-US');

/** Reading ends at this fraction; parsing a file's YAML is about half of reading it. */
const READ_END = 0.65;

export function readingProgress(p: ImportProgress): AnalysisProgress {
  const perFile = READ_END / Math.max(1, p.files);
  const inFile = p.stage === 'parsing' ? 0 : p.documents === 0 ? 1 : 0.5 + (0.5 * p.documentsRead) / p.documents;
  const of = p.files > 1 ? ` (file ${count(p.fileIndex + 1)} of ${count(p.files)})` : '';
  const text = p.stage === 'parsing' ? `Parsing the YAML${of}` : `Reading ${count(p.documentsRead)} of ${count(p.documents)} documents${of}`;
  return { phase: 'reading', text, fraction: perFile * (p.fileIndex + inFile) };
}

export function evaluatingProgress(units: number, kind: 'pods' | 'workloads'): AnalysisProgress {
  const text = `Evaluating ${count(units)} ${units === 1 ? kind.slice(0, -1) : kind}`;
  return { phase: 'evaluating', text, fraction: kind === 'pods' ? READ_END : 0.85 };
}

export const CHECKING: AnalysisProgress = { phase: 'checking', text: 'Checking the results', fraction: 0.95 };
export const DRAWING: AnalysisProgress = { phase: 'drawing', text: 'Drawing', fraction: 1 };
