/**
 * Every file's problems as `file:line:col severity code message`, errors first; objects of kinds
 * the simulation ignores are folded into one summary; then the lint's teaching warnings, each
 * with its fix. Clicking a problem shows it in the editor.
 */
import { memo, useMemo } from 'react';
import { isLintWarning, type Issue } from '../../core/index.ts';
import { useProgressiveCount } from '../shell/progressive.ts';
import { appStore, selectIssues, useAppStore, type AppState } from '../store/index.ts';
import { selectLint } from './lint-problems.ts';
import { formatIgnoredSummary, formatWhere, groupProblems, sortProblems } from './problems.ts';

/** File names only: the list needs their order, not every keystroke's text. */
const selectFileNames = (s: AppState) => s.files.map((f) => f.name).join('\n');

interface ProblemsListProps {
  readonly onShow: (issue: Issue) => void;
}

function ProblemRow({ issue, onShow }: { readonly issue: Issue; readonly onShow: (issue: Issue) => void }) {
  return (
    <li>
      <button
        type="button"
        className={`problem problem-${issue.severity}`}
        onClick={() => onShow(issue)}
        data-testid="problem"
        data-code={issue.code}
        data-severity={issue.severity}
        data-file={issue.file}
        data-line={issue.line}
        data-column={issue.column}
        data-lint={isLintWarning(issue) ? 'true' : undefined}
        title={[issue.path ? `${issue.message} (${issue.path})` : issue.message, issue.fix ? `Fix: ${issue.fix}` : ''].filter(Boolean).join('\n')}
      >
        <span className="problem-where">{formatWhere(issue)}</span>{' '}
        <span className={`problem-severity ${issue.severity}`}>{issue.severity}</span>{' '}
        <code className="problem-code">{issue.code}</code> <span className="problem-message">{issue.message}</span>
        {issue.fix ? (
          <span className="problem-fix" data-testid="problem.fix">
            <span className="problem-fix-label">Fix:</span> {issue.fix}
          </span>
        ) : null}
      </button>
    </li>
  );
}

export const ProblemsList = memo(function ProblemsList({ onShow }: ProblemsListProps) {
  const issues = useAppStore(selectIssues);
  const lint = useAppStore(selectLint);
  const fileNames = useAppStore(selectFileNames);
  // The texts are read when the issues change (to name ignored kinds), not on every keystroke.
  const groups = useMemo(() => groupProblems(issues, appStore.getState().files), [issues, fileNames]);
  const lintRows = useMemo(() => sortProblems(lint, appStore.getState().files), [lint, fileNames]);
  // Thousands of rows in a large cluster: drawn a part at a time (shell/progressive.ts).
  const listedShown = useProgressiveCount(groups.listed);
  const lintShown = useProgressiveCount(lintRows);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;

  return (
    <section className="problems" aria-labelledby="problems-heading" data-testid="problems">
      <h2 id="problems-heading" className="problems-heading">
        Problems
        <span className="problems-counts">
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      </h2>
      {groups.listed.length === 0 && groups.ignored.issues.length === 0 ? (
        <p className="problems-empty" data-testid="problems.empty">
          No problems: every manifest was read cleanly.
        </p>
      ) : null}
      {groups.listed.length === 0 && groups.ignored.issues.length === 0 && lintRows.length === 0 ? null : (
        <ul className="problems-list">
          {groups.listed.slice(0, listedShown).map((issue, i) => (
            <ProblemRow key={`${formatWhere(issue)}:${issue.code}:${i}`} issue={issue} onShow={onShow} />
          ))}
          {groups.ignored.issues.length > 0 ? (
            <li>
              <details className="problems-ignored" data-testid="problems.ignored">
                <summary>{formatIgnoredSummary(groups.ignored)}</summary>
                <ul className="problems-list">
                  {groups.ignored.issues.map((issue, i) => (
                    <ProblemRow key={`${formatWhere(issue)}:${i}`} issue={issue} onShow={onShow} />
                  ))}
                </ul>
              </details>
            </li>
          ) : null}
          {lintRows.length > 0 ? (
            <li className="problems-lint" data-testid="problems.lint">
              <h3 className="problems-subheading">
                Lint
                <span className="problems-counts">
                  {lintRows.length} teaching warning{lintRows.length === 1 ? '' : 's'}: valid YAML that may not mean what it says
                </span>
              </h3>
              <ul className="problems-list">
                {lintRows.slice(0, lintShown).map((issue, i) => (
                  <ProblemRow key={`${formatWhere(issue)}:${issue.code}:${i}`} issue={issue} onShow={onShow} />
                ))}
              </ul>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
});
