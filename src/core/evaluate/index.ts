export { createEvaluator, type Evaluator, type EndpointInput, type HypotheticalPod } from './evaluator.ts';
export { explainVerdict, explainSide, endpointName } from './explain.ts';
export { effectivePolicyTypes, compilePolicy, compilePolicies, policyId } from './compile.ts';
export type * from './types.ts';
export { halfOpenOf } from './matrix.ts';
export { countMatrixFlows, scanMatrixFlows, type FlowCounts, type MatrixFlowScan } from './flow-counts.ts';
export { matrixFromData, matrixDataBuffers, type MatrixData, type MatrixSideData, type ExternalSideData } from './matrix-data.ts';
export { gatherNamespacePairs, namespacePairsBuffers, pairCoverage, pairTotalAt, type NamespacePairs, type PairCoverage, type PairTotal, type PairTotals } from './namespace-pairs.ts';
