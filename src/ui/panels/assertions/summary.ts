/** "3 of 4 pass": the Tests tab's counter, in its panel and on its tab. */
import { isFlowsFile, type FlowAssertionResult, type Issue } from '../../../core/index.ts';

export interface AssertionsSummary {
  readonly total: number;
  readonly passed: number;
  /** `pass` when every assertion passes, else `fail`. */
  readonly tone: 'pass' | 'fail';
  /** `3 of 4 pass`, with the failures and errors when there are. */
  readonly text: string;
  /** `3/4`, for the tab's badge. */
  readonly short: string;
}

export function summarizeAssertions(results: readonly FlowAssertionResult[]): AssertionsSummary {
  const total = results.length;
  const passed = results.filter((r) => r.status === 'pass').length;
  const failed = results.filter((r) => r.status === 'fail').length;
  const errors = total - passed - failed;
  const extra = [failed > 0 ? `${failed} failing` : '', errors > 0 ? `${errors} with errors` : ''].filter(Boolean).join(', ');
  const head = `${passed} of ${total} pass`;
  return { total, passed, tone: passed === total ? 'pass' : 'fail', text: extra ? `${head} (${extra})` : head, short: `${passed}/${total}` };
}

/** Lines of `.flows` files that could not be read as assertions (their issues are in the Problems list). */
export function unreadableLines(issues: readonly Issue[], results: readonly FlowAssertionResult[]): number {
  const read = new Set(results.map((r) => `${r.assertion.file}:${r.assertion.line}`));
  return issues.filter((i) => i.severity === 'error' && isFlowsFile(i.file) && !read.has(`${i.file}:${i.line}`)).length;
}
