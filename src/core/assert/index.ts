export type * from './types.ts';
export { isFlowsFile, parseFlowAssertions, parseFlowQuery, isFlowQueryError } from './parse.ts';
export { formatFlowAssertion, formatFlowQuery, formatFlowEndpoint } from './format.ts';
export { checkFlowAssertions, checkFlowsFiles, evaluateFlowQuery } from './check.ts';
export { indexEndpoints, resolveFlowEndpoint, type EndpointIndex } from './resolve.ts';
export { generateProbeScript, quoteShell } from './probe-script.ts';
