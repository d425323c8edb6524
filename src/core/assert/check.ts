/**
 * Checking flow assertions against a model: resolve both ends, ask the evaluator, and say in one
 * sentence what was expected and what happened, with the evaluator's own reasons
 * (explainVerdict) for the connection that decided it.
 */
import type { ClusterModel, Issue } from '../model/types.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import type { ManifestFile } from '../parse/types.ts';
import { isFlowsFile, parseFlowAssertions } from './parse.ts';
import { evaluateFlow } from './evaluate-flow.ts';
import { formatFlowEndpoint } from './format.ts';
import { indexEndpoints, resolveFlowEndpoint, type EndpointIndex, type ResolveError } from './resolve.ts';
import type {
  FlowAssertion,
  FlowAssertionResult,
  FlowEndpoint,
  FlowEvaluation,
  FlowQuery,
  FlowQueryError,
  FlowWitness,
  ResolvedFlowEndpoint,
} from './types.ts';

function describeWitness(w: FlowWitness): string {
  return `${w.from} → ${w.to} on ${w.protocol} ${w.port}`;
}

function resolveBoth(
  query: FlowQuery,
  index: EndpointIndex,
): { from: ResolvedFlowEndpoint; to: ResolvedFlowEndpoint } | { error: ResolveError; end: FlowEndpoint } {
  const from = resolveFlowEndpoint(query.from, index);
  if ('code' in from) return { error: from, end: query.from };
  const to = resolveFlowEndpoint(query.to, index);
  if ('code' in to) return { error: to, end: query.to };
  if (from.kind === 'ip' && to.kind === 'ip') {
    const message = 'both ends are addresses outside the cluster: NetworkPolicy says nothing about such a flow. Name a pod or workload on one side.';
    return { error: { code: 'flows/bad-endpoint', message }, end: query.from };
  }
  return { from, to };
}

/** The evaluator's answer to a flow query (a guided-mode prediction), or why an end names nothing. */
export function evaluateFlowQuery(model: ClusterModel, evaluator: Evaluator, query: FlowQuery): FlowEvaluation | FlowQueryError {
  const ends = resolveBoth(query, indexEndpoints(model));
  if ('error' in ends) {
    const column = ends.end.column;
    return { ...ends.error, severity: 'error', line: 1, column, endColumn: column + formatFlowEndpoint(ends.end).length };
  }
  return evaluateFlow(evaluator, ends.from, ends.to, query.protocol, query.port);
}

function scope(a: FlowAssertion): string {
  return a.port === undefined ? `every ${a.protocol} port` : `${a.protocol} ${a.port}`;
}

function judge(a: FlowAssertion, e: FlowEvaluation): Omit<FlowAssertionResult, 'assertion'> {
  const pass = e.actual === a.expect;
  const many = e.decided > 1;
  if (pass) {
    const witness = a.expect === 'allowed' ? e.allowedExample : e.deniedExample;
    const explanation = (a.expect === 'allowed' ? e.allowedExplanation : e.deniedExplanation) ?? [];
    const checked = many ? ` (${e.decided} connections checked)` : '';
    return {
      status: 'pass',
      actual: e.actual,
      message: `${a.expect === 'allowed' ? 'Allowed' : 'Denied'} on ${scope(a)}, as expected${checked}.`,
      explanation,
      ...(witness ? { witness } : {}),
    };
  }
  const witness = a.expect === 'allowed' ? e.deniedExample : e.allowedExample;
  const explanation = (a.expect === 'allowed' ? e.deniedExplanation : e.allowedExplanation) ?? [];
  const broken = witness ? describeWitness(witness) : 'the flow';
  const counts = e.actual === 'partial' ? ` (${e.allowedCount} of ${e.decided} connections checked are allowed)` : '';
  return {
    status: 'fail',
    actual: e.actual,
    message: `Expected ${a.expect} on ${scope(a)}, but ${broken} is ${a.expect === 'allowed' ? 'denied' : 'allowed'}${counts}.`,
    explanation,
    ...(witness ? { witness } : {}),
  };
}

function errorResult(a: FlowAssertion, error: ResolveError, end: FlowEndpoint): FlowAssertionResult {
  const issue: Issue = {
    code: error.code,
    severity: 'error',
    message: error.message,
    file: a.file,
    line: a.line,
    column: end.column,
    endLine: a.line,
    endColumn: end.column + formatFlowEndpoint(end).length,
  };
  return { assertion: a, status: 'error', actual: undefined, message: error.message, explanation: [], issue };
}

export function checkFlowAssertions(
  model: ClusterModel,
  evaluator: Evaluator,
  assertions: readonly FlowAssertion[],
): FlowAssertionResult[] {
  if (assertions.length === 0) return [];
  const index = indexEndpoints(model);
  return assertions.map((a) => {
    const ends = resolveBoth(a, index);
    if ('error' in ends) return errorResult(a, ends.error, ends.end);
    return { assertion: a, ...judge(a, evaluateFlow(evaluator, ends.from, ends.to, a.protocol, a.port)) };
  });
}

/**
 * The `.flows` files of a workspace, parsed and checked against its model: the results, and
 * the issues to list with the other problems (syntax errors, endpoints that name nothing).
 */
export function checkFlowsFiles(
  files: readonly ManifestFile[],
  model: ClusterModel,
  evaluator: Evaluator,
): { results: FlowAssertionResult[]; issues: Issue[] } {
  const assertions: FlowAssertion[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    if (!isFlowsFile(file.name)) continue;
    const parsed = parseFlowAssertions(file);
    assertions.push(...parsed.assertions);
    issues.push(...parsed.issues);
  }
  const results = checkFlowAssertions(model, evaluator, assertions);
  for (const r of results) if (r.issue) issues.push(r.issue);
  return { results, issues };
}
