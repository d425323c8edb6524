/**
 * The Problems list's view of the core's issues: errors first, then warnings, then notes, each
 * in file order (as the tabs show them) and by position; objects of kinds the simulation does
 * not use are gathered into one summary line.
 */
import type { Issue, ManifestFile, Severity } from '../../core/index.ts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The code the core gives an object of a kind the model does not use. */
export const IGNORED_KIND = 'ignored-kind';

/** Issues sorted errors first, then by file (in workspace order), line and column. */
export function sortProblems(issues: readonly Issue[], files: readonly ManifestFile[]): Issue[] {
  const fileRank = new Map(files.map((f, i) => [f.name, i]));
  const rank = (file: string) => fileRank.get(file) ?? files.length;
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.issue.severity] - SEVERITY_RANK[b.issue.severity] ||
        rank(a.issue.file) - rank(b.issue.file) ||
        a.issue.line - b.issue.line ||
        a.issue.column - b.issue.column ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}

/** Reads single lines of a text without splitting all of it (1-based line numbers). */
export type LineReader = (line: number) => string | undefined;

export function lineReader(text: string): LineReader {
  let starts: number[] | undefined;
  return (line) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const end = starts[line];
    return text.slice(start, end === undefined ? text.length : end - 1);
  };
}

/** The kind an `ignored-kind` issue is about: the text it points at (the `kind:` value). */
export function ignoredKindOf(issue: Issue, readLine: LineReader | undefined): string {
  if (readLine && issue.endLine === issue.line && issue.endColumn !== undefined) {
    const value = readLine(issue.line)
      ?.slice(issue.column - 1, issue.endColumn - 1)
      .trim()
      .replace(/^["']|["']$/g, '');
    if (value && /^[A-Za-z][\w.-]*$/.test(value)) return value;
  }
  // The core's message starts with the kind ("Service \"x\" is not used…", "A Service is not used…").
  const match = /^(?:An? )?([A-Za-z][\w.-]*)/.exec(issue.message);
  return match?.[1] ?? 'object';
}

export interface IgnoredSummary {
  readonly issues: readonly Issue[];
  /** Distinct kinds, in order of first appearance. */
  readonly kinds: readonly string[];
}

export interface ProblemGroups {
  /** Problems listed one per line, errors first. */
  readonly listed: readonly Issue[];
  /** Objects of kinds the simulation ignores, shown as one collapsed summary. */
  readonly ignored: IgnoredSummary;
}

export function groupProblems(issues: readonly Issue[], files: readonly ManifestFile[]): ProblemGroups {
  const sorted = sortProblems(issues, files);
  const readers = new Map(files.map((f) => [f.name, lineReader(f.text)]));
  const listed: Issue[] = [];
  const ignored: Issue[] = [];
  const kinds: string[] = [];
  for (const issue of sorted) {
    if (issue.code === IGNORED_KIND && issue.severity === 'info') {
      ignored.push(issue);
      const kind = ignoredKindOf(issue, readers.get(issue.file));
      if (!kinds.includes(kind)) kinds.push(kind);
    } else listed.push(issue);
  }
  return { listed, ignored: { issues: ignored, kinds } };
}

/** "3 objects ignored (Service, ConfigMap…)": at most `shown` kinds, then an ellipsis. */
export function formatIgnoredSummary(summary: IgnoredSummary, shown = 3): string {
  const count = summary.issues.length;
  const kinds = summary.kinds.slice(0, shown).join(', ') + (summary.kinds.length > shown ? '…' : '');
  return `${count} ${count === 1 ? 'object' : 'objects'} ignored (${kinds})`;
}

export interface FileProblemCount {
  readonly errors: number;
  readonly warnings: number;
}

/** Errors and warnings per file name. */
export function countProblemsByFile(issues: readonly Issue[]): ReadonlyMap<string, FileProblemCount> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    const count = counts.get(issue.file) ?? { errors: 0, warnings: 0 };
    if (issue.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(issue.file, count);
  }
  return counts;
}

/** `file:line:col`, as compilers print it. */
export function formatWhere(issue: Pick<Issue, 'file' | 'line' | 'column'>): string {
  return `${issue.file}:${issue.line}:${issue.column}`;
}
