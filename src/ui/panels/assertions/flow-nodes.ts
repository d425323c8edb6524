/**
 * Between flow assertions and the canvas: the node ids (workload ids, `ext:…` address sets) of a
 * result's witness connection, and the endpoint text a canvas node is written as in a `.flows` line.
 */
import { containsIpText, type FlowAssertionResult, type ReachabilityMatrix } from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { ANYWHERE_ID, externalSides, isExternalNodeId } from '../../canvas/external.ts';

function workloadMatrix(analysis: Analysis): ReachabilityMatrix {
  return analysis.workloadMatrix ?? analysis.evaluator.matrix({ granularity: 'workload' });
}

/** The canvas node of an address outside the cluster, as a source (`ingress`) or destination (`egress`). */
export function externalNodeOf(analysis: Analysis, ip: string, direction: 'ingress' | 'egress'): string | undefined {
  const matrix = workloadMatrix(analysis);
  const entries = direction === 'ingress' ? matrix.ingressFromExternal : matrix.egressToExternal;
  const index = entries.findIndex((e) => containsIpText(e.range.set, ip));
  if (index < 0) return undefined;
  const sides = externalSides(entries, matrix.units.length);
  const only = sides.length === 1 ? sides[0] : undefined;
  if (only?.set.id === ANYWHERE_ID) return ANYWHERE_ID;
  return sides[index]?.set.id;
}

/** The flow on the canvas a result is about (its witness connection), when it has one. */
export function flowOfResult(analysis: Analysis, result: FlowAssertionResult): { source: string; target: string } | undefined {
  const w = result.witness;
  if (!w) return undefined;
  const source = w.fromWorkload ?? externalNodeOf(analysis, w.from, 'ingress');
  const target = w.toWorkload ?? externalNodeOf(analysis, w.to, 'egress');
  return source !== undefined && target !== undefined ? { source, target } : undefined;
}

/** How a canvas node is written in a `.flows` line: a workload id as is, an address set by one of its addresses. */
export function endpointTextOfNode(analysis: Analysis, id: string): string | undefined {
  if (!isExternalNodeId(id)) return analysis.model.workloads.some((w) => w.id === id) ? id : undefined;
  const matrix = workloadMatrix(analysis);
  for (const entries of [matrix.egressToExternal, matrix.ingressFromExternal]) {
    const sides = externalSides(entries, matrix.units.length);
    const side = sides.find((s) => s.set.id === id);
    if (side) return side.set.sampleIp;
  }
  return undefined;
}
