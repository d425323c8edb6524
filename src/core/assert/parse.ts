/**
 * Reading `.flows` text: one assertion per line, `FROM -> TO [PROTOCOL] [PORT] allowed|denied`,
 * `#` (at the start of a line or after a space) starts a comment, blank lines are ignored.
 * Errors are values with the line and column of the offending word; a bad line is left out and
 * the rest still parse. Endpoints are only checked for their shape here: whether they name
 * something is a question for the model (see resolve.ts).
 */
import type { Issue } from '../model/types.ts';
import type { ManifestFile } from '../parse/types.ts';
import type { FlowAssertion, FlowQuery, FlowQueryError } from './types.ts';
import { readFlowLine, type LineError } from './read-line.ts';

/** A file of expected flows: its name ends with `.flows` (in any case). */
export function isFlowsFile(name: string): boolean {
  return name.toLowerCase().endsWith('.flows');
}

function issueOf(file: string, line: number, e: LineError): Issue {
  return {
    code: e.code,
    severity: 'error',
    message: e.message,
    file,
    line,
    column: e.column,
    endLine: line,
    endColumn: e.endColumn,
  };
}

export function parseFlowAssertions(file: ManifestFile): { assertions: FlowAssertion[]; issues: Issue[] } {
  const assertions: FlowAssertion[] = [];
  const issues: Issue[] = [];
  const lines = file.text.split(/\r\n|\r|\n/);
  lines.forEach((text, index) => {
    const line = index + 1;
    const read = readFlowLine(text, 'assertion');
    if (read === undefined) return;
    if ('error' in read) {
      issues.push(issueOf(file.name, line, read.error));
      return;
    }
    if (read.expect === undefined) return;
    assertions.push({ ...read.query, expect: read.expect, file: file.name, line, column: read.column, endColumn: read.endColumn });
  });
  return { assertions, issues };
}

/** A flow without a verdict (`frontend -> backend TCP 8080`), or why it is not one. */
export function parseFlowQuery(text: string): FlowQuery | FlowQueryError {
  const read = readFlowLine(text, 'query');
  if (read === undefined) {
    return { code: 'flows/syntax', severity: 'error', message: 'empty flow: expected `FROM -> TO [PROTOCOL] [PORT]`', line: 1, column: 1 };
  }
  if ('error' in read) {
    const { code, message, column, endColumn } = read.error;
    return { code, severity: 'error', message, line: 1, column, endColumn };
  }
  return read.query;
}

export function isFlowQueryError(value: FlowQuery | FlowQueryError): value is FlowQueryError {
  return 'code' in value;
}
