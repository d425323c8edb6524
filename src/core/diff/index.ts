export type { FlowChange, ReachabilityDiff } from './types.ts';
export { diffReachability, isEmptyDiff, type ReachabilityState } from './diff.ts';
export { compareFlowChanges } from './changes.ts';
export { formatFlowChange, formatDiffLines, formatDiffMarkdown, diffToJson } from './format.ts';
