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
  type ReachabilityMatrix,
} from '../core/index.ts';
import type { ScenarioFile } from './scenarios.ts';

export interface Analysis {
  readonly files: readonly ScenarioFile[];
  readonly model: ClusterModel;
  readonly issues: readonly Issue[];
  readonly evaluator: Evaluator;
  readonly matrix: ReachabilityMatrix;
}

export function analyzeFiles(files: readonly ScenarioFile[]): Analysis {
  const { model, issues } = importManifests(files.map((f) => ({ name: f.name, text: f.text })));
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'pod' });
  return { files, model, issues, evaluator, matrix };
}

/** The workspace as one multi-document YAML text, files in order. */
export function joinYaml(files: readonly ScenarioFile[]): string {
  return files.map((f) => (f.text.endsWith('\n') ? f.text : `${f.text}\n`)).join('---\n');
}
