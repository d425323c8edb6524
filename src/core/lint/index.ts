/** Teaching lint: valid policies that probably do not say what their author meant. */
export { lintCluster, isLintWarning, LINT_CODES, type LintOptions } from './lint.ts';
export type { LintWarning } from './types.ts';
