/**
 * Drawing on the canvas: which flow end a node stands for, and the node id of a flow end. Node
 * ids are those of graph.ts: a workload's id, `ext:<label>` for addresses, `ext:anywhere`.
 */
import { addressLabelOfEnd } from '../../core/generate/cluster-docs.ts';
import type { FlowEnd, FlowIntent } from '../../core/index.ts';
import { ANYWHERE_ID, externalNodeId, isExternalNodeId } from './external.ts';
import { flowEdgeId } from './flows.ts';

/** The node id of an end; undefined for an ipBlock that does not parse. */
export function nodeIdOfEnd(end: FlowEnd): string | undefined {
  if (end.kind === 'workload') return end.id;
  if (end.kind === 'anywhere') return ANYWHERE_ID;
  const label = addressLabelOfEnd(end);
  return label === undefined ? undefined : externalNodeId(label);
}

/** The edge id of a drawn flow (`A->B`), undefined when an end has no node. */
export function edgeIdOfIntent(intent: FlowIntent): string | undefined {
  const s = nodeIdOfEnd(intent.source);
  const d = nodeIdOfEnd(intent.destination);
  return s && d ? flowEdgeId(s, d) : undefined;
}

/**
 * The end a node stands for: a workload, anywhere, or the block its label spells
 * (`ext:10.0.0.0/8,except:10.1.0.0/16,10.2.0.0/16`). Undefined for a namespace node or an
 * address set that is not one block (`ext:10.0.0.0/8,192.168.0.0/16`).
 */
export function endOfNode(id: string): FlowEnd | undefined {
  if (id.startsWith('ns:')) return undefined;
  if (!isExternalNodeId(id)) return { kind: 'workload', id };
  if (id === ANYWHERE_ID) return { kind: 'anywhere' };
  const body = id.slice('ext:'.length);
  const [cidr = '', exceptText] = body.split(',except:');
  if (cidr.includes(',')) return undefined;
  const except = exceptText ? exceptText.split(',') : [];
  const end: FlowEnd = except.length > 0 ? { kind: 'ipBlock', cidr, except } : { kind: 'ipBlock', cidr };
  return nodeIdOfEnd(end) === id ? end : undefined;
}

/** Index of the drawn flow between two nodes, or -1. */
export function findIntent(intents: readonly FlowIntent[], source: string, target: string): number {
  const id = flowEdgeId(source, target);
  return intents.findIndex((intent) => edgeIdOfIntent(intent) === id);
}
