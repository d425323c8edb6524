/** The Tests tab's compact counter (`3/4`, with ✓ or ✗), so failures show while another tab is open. */
import { memo } from 'react';
import { selectAnalysis, useAppStore } from '../../store/index.ts';
import { summarizeAssertions, unreadableLines } from './summary.ts';

/** Failing while any assertion fails or any line of a .flows file cannot be read. */
export const TestsBadge = memo(function TestsBadge() {
  const analysis = useAppStore(selectAnalysis);
  const results = analysis?.assertions ?? [];
  const unreadable = analysis ? unreadableLines(analysis.issues, results) : 0;
  if (results.length === 0 && unreadable === 0) return null;
  const summary = summarizeAssertions(results);
  const pass = summary.tone === 'pass' && unreadable === 0;
  const title = unreadable > 0 ? `${summary.text}; ${unreadable} unreadable` : summary.text;
  return (
    <span className={`tests-badge tests-badge-${pass ? 'pass' : 'fail'}`} data-testid="tab.tests.badge" title={title}>
      <span aria-hidden="true">{pass ? '✓' : '✗'}</span> {summary.short}
    </span>
  );
});
