/**
 * The core's issues as CodeMirror lint diagnostics: the underline runs from the issue's
 * line/column to its endLine/endColumn when the core knows them, else to the end of the line.
 * Issues are the core's values; nothing here parses the text. An issue with a fix (lint
 * warnings) shows it on a line of its own in the tooltip.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Issue, Severity } from '../../core/index.ts';
import { lineEndOf, offsetOf, type TextRange } from './positions.ts';

const SEVERITY: Readonly<Record<Severity, Diagnostic['severity']>> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};

function trimmedEnd(doc: Text, from: number, to: number): number {
  const text = doc.sliceString(from, to);
  return from + text.replace(/\s+$/, '').length;
}

/** The range of the document an issue points at (never empty unless its line is blank). */
export function issueRange(doc: Text, issue: Pick<Issue, 'line' | 'column' | 'endLine' | 'endColumn'>): TextRange {
  const from = offsetOf(doc, issue.line, issue.column);
  if (issue.endLine !== undefined) {
    const end = issue.endColumn !== undefined ? offsetOf(doc, issue.endLine, issue.endColumn) : lineEndOf(doc, issue.endLine);
    if (end > from) return { from, to: end };
  }
  const line = doc.lineAt(from);
  const restEnd = trimmedEnd(doc, from, line.to);
  if (restEnd > from) return { from, to: restEnd };
  // At the end of a line: underline the line's content instead.
  const indent = line.text.length - line.text.trimStart().length;
  const start = line.from + indent;
  const end = trimmedEnd(doc, start, line.to);
  return end > start ? { from: start, to: end } : { from, to: from };
}

/** Diagnostics for the issues of one file, in the order given. */
export function issuesToDiagnostics(doc: Text, issues: readonly Issue[], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.file !== file) continue;
    const { from, to } = issueRange(doc, issue);
    const message = issue.fix ? `${issue.message}\nFix: ${issue.fix}` : issue.message;
    diagnostics.push({ from, to, severity: SEVERITY[issue.severity], source: issue.code, message });
  }
  return diagnostics;
}
