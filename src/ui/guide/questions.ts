/**
 * The flows a learner is asked to predict, placed on the canvas: each query's ends resolved
 * against the model on screen (the step before the one being predicted) to canvas node ids, and
 * the canvas graph marked with them (`data-predict="<n>"` on the flow's edge, its label led by
 * `#n`; a "?" edge where the canvas draws no flow between the two; every other flow dimmed). Pure.
 */
import { indexEndpoints, resolveFlowEndpoint, type ClusterModel, type ResolvedFlowEndpoint } from '../../core/index.ts';
import { flowEdgeId } from '../canvas/flows.ts';
import type { CanvasGraph, FlowEdge } from '../canvas/types.ts';
import { parseQueries } from './predictions.ts';

export interface GuideQuestion {
  /** 1-based, as listed in the guide. */
  readonly number: number;
  readonly text: string;
  /** Canvas node ids of the ends (workloads), when both are in the cluster. */
  readonly source?: string;
  readonly target?: string;
}

function nodeOf(end: ResolvedFlowEndpoint | { readonly code: string }): string | undefined {
  if ('code' in end) return undefined;
  if (end.kind === 'workload') return end.id;
  if (end.kind === 'pod') return end.workloadId;
  return undefined;
}

export function questionsOf(texts: readonly string[], model: ClusterModel): GuideQuestion[] {
  const index = indexEndpoints(model);
  return parseQueries(texts).map((parsed, i) => {
    const question = { number: i + 1, text: parsed.text };
    if (!parsed.query) return question;
    const source = nodeOf(resolveFlowEndpoint(parsed.query.from, index));
    const target = nodeOf(resolveFlowEndpoint(parsed.query.to, index));
    return source && target && source !== target ? { ...question, source, target } : question;
  });
}

function numbersText(numbers: readonly number[]): string {
  return numbers.map((n) => `#${n}`).join(' ');
}

/** A flow asked about: emphasised, its label led by the question numbers. */
function marked(edge: FlowEdge, numbers: readonly number[]): FlowEdge {
  const domAttributes: Record<string, string> = { ...(edge.domAttributes as Record<string, string> | undefined), 'data-predict': numbers.join(' ') };
  const data = edge.data && { ...edge.data, label: `${numbersText(numbers)} ${edge.data.label}`, compactLabel: numbersText(numbers), emphasis: 'highlight' as const };
  return { ...edge, domAttributes, ...(data ? { data } : {}) };
}

/** Every other flow, while questions are asked: dimmed, so the questions stand out. */
function dimmed(edge: FlowEdge): FlowEdge {
  return edge.data ? { ...edge, data: { ...edge.data, emphasis: 'dim' } } : edge;
}

function questionEdge(source: string, target: string, numbers: readonly number[]): FlowEdge {
  const label = `? ${numbersText(numbers)}`;
  return {
    id: flowEdgeId(source, target),
    source,
    target,
    type: 'flow',
    selectable: false,
    focusable: false,
    data: {
      verdict: 'allowed',
      halfOpen: false,
      label,
      compactLabel: `?${numbersText(numbers)}`,
      title: `Prediction ${numbers.join(', ')}: allowed or denied after the next step?`,
      open: false,
      twoWay: false,
      emphasis: 'highlight',
    },
    domAttributes: { 'data-predict': numbers.join(' '), 'data-question': 'true' } as FlowEdge['domAttributes'],
  };
}

/** The graph with the questions' flows marked (unchanged when there are none). */
export function overlayQuestions(graph: CanvasGraph, questions: readonly GuideQuestion[]): CanvasGraph {
  const byEdge = new Map<string, { source: string; target: string; numbers: number[] }>();
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const q of questions) {
    if (!q.source || !q.target || !nodeIds.has(q.source) || !nodeIds.has(q.target)) continue;
    const id = flowEdgeId(q.source, q.target);
    const entry = byEdge.get(id) ?? { source: q.source, target: q.target, numbers: [] };
    entry.numbers.push(q.number);
    byEdge.set(id, entry);
  }
  if (byEdge.size === 0) return graph;
  const edges = graph.edges.map((edge) => {
    const entry = byEdge.get(edge.id);
    if (!entry) return dimmed(edge);
    byEdge.delete(edge.id);
    return marked(edge, entry.numbers);
  });
  for (const entry of byEdge.values()) edges.push(questionEdge(entry.source, entry.target, entry.numbers));
  return { ...graph, edges };
}
