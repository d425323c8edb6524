/** The node and edge types of the canvas, at module scope so React Flow never sees new objects. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { FlowEdgeView } from '../edges/FlowEdge.tsx';
import { ExternalNodeView } from './ExternalNode.tsx';
import { NamespaceNodeView } from './NamespaceNode.tsx';
import { NamespaceSummaryView } from './NamespaceSummaryNode.tsx';
import { WorkloadNodeView } from './WorkloadNode.tsx';

export const nodeTypes = {
  workload: WorkloadNodeView,
  namespace: NamespaceNodeView,
  namespaceSummary: NamespaceSummaryView,
  external: ExternalNodeView,
} satisfies NodeTypes;

export const edgeTypes = {
  flow: FlowEdgeView,
} satisfies EdgeTypes;
