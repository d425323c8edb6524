import { memo } from 'react';
import type { Issue } from '../../core/index.ts';

/** Import problems as `file:line:col code message`, errors first as the core reports them. */
export const IssueList = memo(function IssueList({ issues }: { readonly issues: readonly Issue[] }) {
  return (
    <section className="panel" aria-labelledby="issues-heading">
      <h2 id="issues-heading">Import issues ({issues.length})</h2>
      {issues.length === 0 ? (
        <p className="hint" data-testid="issues-empty">
          No issues: every manifest was read cleanly.
        </p>
      ) : (
        <ul className="issues" data-testid="issues">
          {issues.map((issue, i) => (
            <li key={i} className={`issue issue-${issue.severity}`} data-code={issue.code}>
              <span className="issue-where">
                {issue.file}:{issue.line}:{issue.column}
              </span>{' '}
              <span className="issue-severity">{issue.severity}</span>{' '}
              <code className="issue-code">{issue.code}</code> <span className="issue-message">{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
