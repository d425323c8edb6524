/** Flow assertions and queries back to their line syntax (`frontend -> backend TCP 8080 allowed`). */
import type { FlowAssertion, FlowEndpoint, FlowExpectation, FlowQuery } from './types.ts';

export function formatFlowEndpoint(end: FlowEndpoint): string {
  if (end.kind === 'ip') return end.ip;
  const qualified = end.qualifier === undefined ? end.name : `${end.name}[${end.qualifier}]`;
  return end.namespace === undefined ? qualified : `${end.namespace}/${qualified}`;
}

/** The protocol is written when a port is, or when it is not the default TCP. */
export function formatFlowQuery(q: FlowQuery): string {
  const parts = [formatFlowEndpoint(q.from), '->', formatFlowEndpoint(q.to)];
  if (q.port !== undefined || q.protocol !== 'TCP') parts.push(q.protocol);
  if (q.port !== undefined) parts.push(String(q.port));
  return parts.join(' ');
}

export function formatFlowAssertion(a: FlowQuery & { readonly expect: FlowExpectation }): string {
  return `${formatFlowQuery(a)} ${a.expect}`;
}
