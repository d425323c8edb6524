/**
 * Predictions: before a step is revealed the learner guesses, for each of the step's flow queries
 * (`FROM -> TO [PROTOCOL] [PORT]`, contract A), whether it will be allowed or denied. Revealing
 * scores each guess against the evaluator on the step's files; a wrong guess comes with the
 * evaluator's own reasons for the connection that proves it wrong (checkFlowAssertions, the
 * same check `.flows` files get). Pure: no React, no store.
 */
import {
  checkFlowAssertions,
  formatFlowQuery,
  isFlowQueryError,
  parseFlowQuery,
  type FlowActual,
  type FlowAssertion,
  type FlowQuery,
} from '../../core/index.ts';
import type { Analysis } from '../analysis.ts';

export type Guess = 'allowed' | 'denied';

export interface PredictionItem {
  /** The query as the scenario wrote it, normalised (`default/web -> default/db TCP 5432`). */
  readonly query: string;
  readonly guess: Guess | undefined;
  /** The evaluator's answer; `partial` when some ports or pods are allowed and others not; undefined when the query names nothing. */
  readonly actual: FlowActual | undefined;
  readonly correct: boolean;
  /** One sentence: what the evaluator says (and, for a wrong guess, what broke it). */
  readonly message: string;
  /** The evaluator's reasons (explainVerdict lines) for the connection the message is about. */
  readonly explanation: readonly string[];
  /** Canvas node ids of the ends (workload ids), when they are workloads or pods. */
  readonly fromNode?: string;
  readonly toNode?: string;
}

export interface PredictionResult {
  readonly items: readonly PredictionItem[];
  /** How many guesses were right, out of the queries that could be answered. */
  readonly right: number;
  readonly total: number;
}

export interface ParsedQuery {
  readonly text: string;
  readonly query: FlowQuery | undefined;
  readonly error?: string;
}

/** The step's queries, parsed (a query that does not parse keeps its text and the reason). */
export function parseQueries(texts: readonly string[]): ParsedQuery[] {
  return texts.map((text) => {
    const parsed = parseFlowQuery(text);
    if (isFlowQueryError(parsed)) return { text: text.trim(), query: undefined, error: parsed.message };
    return { text: formatFlowQuery(parsed), query: parsed };
  });
}

function asAssertion(query: FlowQuery, text: string, expect: Guess): FlowAssertion {
  return { ...query, expect, file: 'prediction', line: 1, column: 1, endColumn: text.length + 1 };
}

/** Scores the guesses (one per query, in order) against the evaluator's verdicts in `analysis`. */
export function scorePredictions(analysis: Pick<Analysis, 'model' | 'evaluator'>, texts: readonly string[], guesses: readonly (Guess | undefined)[]): PredictionResult {
  const items = parseQueries(texts).map((parsed, i): PredictionItem => {
    const guess = guesses[i];
    if (!parsed.query) {
      return { query: parsed.text, guess, actual: undefined, correct: false, message: parsed.error ?? 'This query cannot be read.', explanation: [] };
    }
    const [result] = checkFlowAssertions(analysis.model, analysis.evaluator, [asAssertion(parsed.query, parsed.text, guess ?? 'allowed')]);
    if (!result || result.status === 'error' || result.actual === undefined) {
      return { query: parsed.text, guess, actual: undefined, correct: false, message: result?.message ?? 'This query names nothing in the YAML.', explanation: [] };
    }
    const witness = result.witness;
    return {
      query: parsed.text,
      guess,
      actual: result.actual,
      correct: guess !== undefined && result.status === 'pass',
      message: result.message,
      explanation: result.explanation,
      ...(witness?.fromWorkload ? { fromNode: witness.fromWorkload } : {}),
      ...(witness?.toWorkload ? { toNode: witness.toWorkload } : {}),
    };
  });
  const answerable = items.filter((item) => item.actual !== undefined);
  return { items, right: answerable.filter((item) => item.correct).length, total: answerable.length };
}

/** `3 of 4 right`, `All 4 right`. */
export function scoreText(result: Pick<PredictionResult, 'right' | 'total'>): string {
  if (result.total === 0) return 'Nothing to score';
  if (result.right === result.total) return result.total === 1 ? 'Right!' : `All ${result.total} right`;
  return `${result.right} of ${result.total} right`;
}
