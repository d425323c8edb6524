/**
 * The lint warnings to show beside the current text: those of the last analysis, except while
 * that analysis is stale (the text has YAML errors and the warnings' positions would point into
 * an older text). Stable references, so components and the editor re-render only on a change.
 */
import type { Issue, LintWarning } from '../../core/index.ts';
import type { AppState } from '../store/index.ts';

const NONE: readonly LintWarning[] = [];

export const selectLint = (s: AppState): readonly LintWarning[] => (s.stale ? NONE : (s.analysis?.lint ?? NONE));

/** Issues and lint warnings together, for the editor's diagnostics (memoised on both inputs). */
export function combineWithLint(): (issues: readonly Issue[], lint: readonly LintWarning[]) => readonly Issue[] {
  let last: { issues: readonly Issue[]; lint: readonly LintWarning[]; both: readonly Issue[] } | undefined;
  return (issues, lint) => {
    if (last?.issues !== issues || last.lint !== lint) {
      last = { issues, lint, both: lint.length === 0 ? issues : [...issues, ...lint] };
    }
    return last.both;
  };
}
