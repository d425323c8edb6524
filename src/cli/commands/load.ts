/** Shared by the commands: read paths, import, build the evaluator, report import problems. */
import { importManifests, type ImportResult } from '../../core/parse/index.ts';
import { createEvaluator, type Evaluator } from '../../core/evaluate/evaluator.ts';
import type { EvaluateOptions } from '../../core/evaluate/types.ts';
import type { Issue } from '../../core/model/types.ts';
import { readManifestFiles } from '../files.ts';

export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.severity} ${issue.code}: ${issue.message}`;
}

export interface Loaded extends ImportResult {
  readonly evaluator: Evaluator;
  /** Error lines to print on stderr (the model holds everything that was valid). */
  readonly errorText: string;
}

export function loadPaths(paths: readonly string[], options: EvaluateOptions = {}): Loaded {
  const result = importManifests(readManifestFiles(paths));
  const errors = result.issues.filter((i) => i.severity === 'error');
  return {
    ...result,
    evaluator: createEvaluator(result.model, options),
    errorText: errors.map((e) => `${formatIssue(e)}\n`).join(''),
  };
}
