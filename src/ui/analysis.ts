/**
 * The adapter between the workspace (manifest texts) and the core: import, then build the
 * evaluator and the matrices once per change of text. Components read the result; they never
 * parse or evaluate on their own.
 *
 * An analysis is made in two halves so that large inputs can be analysed in a Web Worker
 * (src/ui/worker): `computeAnalysisData` does the heavy work and returns plain,
 * structured-cloneable data; `analysisFromData` rebuilds what holds functions (the evaluator,
 * the matrices' methods) in the thread that renders. Fields that are plain data belong in
 * AnalysisData, computed in the first half.
 */
import {
  checkFlowsFiles,
  scanMatrixFlows,
  createEvaluator,
  gatherNamespacePairs,
  importManifests,
  isFlowsFile,
  lintCluster,
  matrixFromData,
  type ClusterModel,
  type Evaluator,
  type FlowAssertionResult,
  type FlowCounts,
  type Issue,
  type LintWarning,
  type ManifestFile,
  type MatrixData,
  type NamespacePairs,
  type ReachabilityMatrix,
} from '../core/index.ts';
import { CHECKING, evaluatingProgress, readingProgress, type ProgressReporter } from './worker/progress.ts';

export interface Analysis {
  readonly files: readonly ManifestFile[];
  readonly model: ClusterModel;
  readonly issues: readonly Issue[];
  readonly evaluator: Evaluator;
  readonly matrix: ReachabilityMatrix;
  /** The workload-granularity matrix, when computed with the analysis (else the canvas computes it). */
  readonly workloadMatrix?: ReachabilityMatrix;
  /** Flow counts over every ordered pair of workloads, computed with the analysis. */
  readonly workloadFlows: FlowCounts;
  /** The pairs of workloads allowed on some port or half-open (`from * workloads + to`), for the canvas. */
  readonly workloadFlowPairs: Uint32Array;
  /** Those of them that are half-open, for the flows gathered at collapsed namespaces. */
  readonly workloadHalfOpenPairs: Uint32Array;
  /** The workload matrix's flows gathered per namespace (plain data), for collapsed namespaces on the canvas. */
  readonly namespacePairs: NamespacePairs;
  /** The expected flows of the workspace's `.flows` files, checked (plain data). */
  readonly assertions: readonly FlowAssertionResult[];
  /** Teaching warnings about the policies (docs/lint.md), positioned in the files (plain data). */
  readonly lint: readonly LintWarning[];
}

/** The plain-data half of an analysis (no functions, no classes): a worker can post it. */
export interface AnalysisData {
  readonly model: ClusterModel;
  readonly issues: readonly Issue[];
  readonly matrix: MatrixData;
  readonly workloadMatrix: MatrixData;
  /** The Inspector overview's counts (every pair of workloads: too many to count while rendering). */
  readonly workloadFlows: FlowCounts;
  /** The pairs the canvas draws between expanded workloads (scanMatrixFlows), found with the counts. */
  readonly workloadFlowPairs: Uint32Array;
  /** Those of them that are half-open. */
  readonly workloadHalfOpenPairs: Uint32Array;
  /** The canvas's collapsed namespaces' flows (every pair of workloads, like the counts). */
  readonly namespacePairs: NamespacePairs;
  readonly assertions: readonly FlowAssertionResult[];
  readonly lint: readonly LintWarning[];
}

export function computeAnalysisData(files: readonly ManifestFile[], report?: ProgressReporter): AnalysisData {
  // `.flows` files hold expected flows, not manifests: they are checked once the model is built.
  const { model, issues: importIssues } = importManifests(files.filter((f) => !isFlowsFile(f.name)), report ? { onProgress: (p) => report(readingProgress(p)) } : {});
  const evaluator = createEvaluator(model);
  report?.(evaluatingProgress(model.pods.length, 'pods'));
  const matrix = evaluator.matrixData({ granularity: 'pod' });
  report?.(evaluatingProgress(model.workloads.length, 'workloads'));
  const workloadMatrix = evaluator.matrixData({ granularity: 'workload' });
  const { counts: workloadFlows, pairs: workloadFlowPairs, halfOpenPairs: workloadHalfOpenPairs } = scanMatrixFlows(workloadMatrix);
  const namespacePairs = gatherNamespacePairs(workloadMatrix);
  report?.(CHECKING);
  const flows = checkFlowsFiles(files, model, evaluator);
  const issues = flows.issues.length === 0 ? importIssues : [...importIssues, ...flows.issues];
  const lint = lintCluster(model, evaluator, { files: files.filter((f) => !isFlowsFile(f.name)) });
  return { model, issues, matrix, workloadMatrix, workloadFlows, workloadFlowPairs, workloadHalfOpenPairs, namespacePairs, assertions: flows.results, lint };
}

/** The analysis with its evaluator and matrices, from the data (building the evaluator is cheap). */
export function analysisFromData(files: readonly ManifestFile[], data: AnalysisData): Analysis {
  const evaluator = createEvaluator(data.model);
  return {
    files,
    model: data.model,
    issues: data.issues,
    evaluator,
    matrix: matrixFromData(data.matrix),
    workloadMatrix: matrixFromData(data.workloadMatrix),
    workloadFlows: data.workloadFlows,
    workloadFlowPairs: data.workloadFlowPairs,
    workloadHalfOpenPairs: data.workloadHalfOpenPairs,
    namespacePairs: data.namespacePairs,
    assertions: data.assertions,
    lint: data.lint,
  };
}

export function analyzeFiles(files: readonly ManifestFile[]): Analysis {
  return analysisFromData(files, computeAnalysisData(files));
}

/** The workspace's manifests as one multi-document YAML text, files in order (`.flows` files are not YAML: left out). */
export function joinYaml(files: readonly ManifestFile[]): string {
  return files.filter((f) => !isFlowsFile(f.name)).map((f) => (f.text.endsWith('\n') ? f.text : `${f.text}\n`)).join('---\n');
}
