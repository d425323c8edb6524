/**
 * The adapter between the workspace (manifest texts) and the core: import, then build the
 * evaluator and the matrix once per change of text. Components read the result; they never
 * parse or evaluate on their own.
 */
import {
  createEvaluator,
  importManifests,
  type ClusterModel,
  type Evaluator,
  type Issue,
  type ManifestFile,
  type ReachabilityMatrix,
} from '../core/index.ts';

export interface Analysis {
  readonly files: readonly ManifestFile[];
  readonly model: ClusterModel;
  readonly issues: readonly Issue[];
  readonly evaluator: Evaluator;
  readonly matrix: ReachabilityMatrix;
}

export function analyzeFiles(files: readonly ManifestFile[]): Analysis {
  const { model, issues } = importManifests(files);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'pod' });
  return { files, model, issues, evaluator, matrix };
}

/** The workspace as one multi-document YAML text, files in order. */
export function joinYaml(files: readonly ManifestFile[]): string {
  return files.map((f) => (f.text.endsWith('\n') ? f.text : `${f.text}\n`)).join('---\n');
}
