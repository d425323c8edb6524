/** Shared by the commands: read paths, import, build the evaluator, report import problems. */
import { importManifests, type ImportResult } from '../../core/parse/index.ts';
import { createEvaluator, type Evaluator } from '../../core/evaluate/evaluator.ts';
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

/**
 * `npguard`: netpol-analyzer's semantics. ipBlocks never match pods, and names the API server
 * would refuse are warnings rather than reasons to leave an object out (it does not check them).
 */
export function loadPaths(paths: readonly string[], { npguard = false }: { readonly npguard?: boolean } = {}): Loaded {
  const result = importManifests(readManifestFiles(paths), npguard ? { nameErrors: 'warning' } : {});
  const errors = result.issues.filter((i) => i.severity === 'error');
  return {
    ...result,
    evaluator: createEvaluator(result.model, { ipBlockMatchesPods: !npguard }),
    errorText: errors.map((e) => `${formatIssue(e)}\n`).join(''),
  };
}
