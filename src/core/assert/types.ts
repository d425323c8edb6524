/**
 * Flow assertions (`*.flows` files): expected connections written one per line,
 * `FROM -> TO [PROTOCOL] [PORT] allowed|denied`, checked against the evaluator.
 * Every value here is plain data (no functions), so results cross a Web Worker boundary.
 */
import type { Issue, Protocol, WorkloadKind } from '../model/types.ts';

/** One end of an expected flow, as written (resolved against a model only when checked). */
export type FlowEndpoint =
  | {
      readonly kind: 'name';
      /** Absent for a bare name (unique across the cluster). */
      readonly namespace?: string;
      readonly name: string;
      /** `web[StatefulSet]`: only a pod (kind Pod) or workload of this kind. */
      readonly qualifier?: WorkloadKind;
      /** 1-based column of the endpoint on its line. */
      readonly column: number;
    }
  | { readonly kind: 'ip'; readonly ip: string; readonly column: number };

/** A flow without a verdict: the question a learner predicts the answer to. */
export interface FlowQuery {
  readonly from: FlowEndpoint;
  readonly to: FlowEndpoint;
  readonly protocol: Protocol;
  /** Absent: the claim is about every port of the protocol. */
  readonly port?: number;
}

export type FlowExpectation = 'allowed' | 'denied';

export interface FlowAssertion extends FlowQuery {
  readonly expect: FlowExpectation;
  readonly file: string;
  /** 1-based line of the assertion in its file. */
  readonly line: number;
  /** 1-based column where the assertion starts; `endColumn` is just past its last character. */
  readonly column: number;
  readonly endColumn: number;
}

/** Not an Issue yet: parseFlowQuery has no file. Line is always 1. */
export interface FlowQueryError {
  readonly code: string;
  readonly severity: 'error';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn?: number;
}

/** What the evaluator says of a query: `partial` when some ports (or some pods) are allowed and others not. */
export type FlowActual = 'allowed' | 'denied' | 'partial';

/** One connection the evaluator decided, standing for the whole claim (the one that broke it, on failure). */
export interface FlowWitness {
  /** Pod id (`ns/name`) or IP address. */
  readonly from: string;
  readonly to: string;
  /** Workload ids of the pod ends (canvas node ids), absent for an address. */
  readonly fromWorkload?: string;
  readonly toWorkload?: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly allowed: boolean;
}

/** An end of a query resolved against the model. */
export type ResolvedFlowEndpoint =
  | { readonly kind: 'workload'; readonly id: string; readonly podIds: readonly string[] }
  | { readonly kind: 'pod'; readonly id: string; readonly workloadId: string }
  | { readonly kind: 'ip'; readonly ip: string };

export interface FlowEvaluation {
  readonly actual: FlowActual;
  /** How many connections (pod pairs × ports) were decided, and how many were allowed. */
  readonly decided: number;
  readonly allowedCount: number;
  /** A connection that was allowed / denied, when there is one. */
  readonly allowedExample?: FlowWitness;
  readonly deniedExample?: FlowWitness;
  /** explainVerdict lines for each example. */
  readonly allowedExplanation?: readonly string[];
  readonly deniedExplanation?: readonly string[];
}

export type FlowAssertionStatus = 'pass' | 'fail' | 'error';

export interface FlowAssertionResult {
  readonly assertion: FlowAssertion;
  readonly status: FlowAssertionStatus;
  /** Undefined when an end could not be resolved (status `error`). */
  readonly actual: FlowActual | undefined;
  /** One sentence: what was expected and what the evaluator says. */
  readonly message: string;
  /** The evaluator's reasons (explainVerdict lines) for the witness; empty on error. */
  readonly explanation: readonly string[];
  /** The connection the message is about: the one that broke the claim, or one that bears it out. */
  readonly witness?: FlowWitness;
  /** For status `error`: the unknown or ambiguous endpoint, with its line and column. */
  readonly issue?: Issue;
}
