/**
 * "Expect this flow": a new line in the workspace's flows file. Pure: returns the file to write
 * (the first `.flows` file of the workspace, else a new `expected.flows`) and the line number,
 * or says that the same assertion is already there. The user's text is kept as typed; the line
 * is appended.
 */
import { formatFlowAssertion, isFlowsFile, parseFlowAssertions, type FlowAssertion, type ManifestFile } from '../../../core/index.ts';

export const NEW_FLOWS_FILE = 'expected.flows';

const NEW_FILE_HEADER = '# Expected flows, one per line: FROM -> TO [PROTOCOL] [PORT] allowed|denied\n';

export type ExpectFlowEdit =
  | { readonly kind: 'append'; readonly file: string; readonly text: string; readonly line: number; readonly created: boolean }
  | { readonly kind: 'exists'; readonly file: string; readonly line: number };

/** Where a flow file of the workspace lives: next to the other files of a scenario (`<id>/expected.flows`). */
export function newFlowsFileName(files: readonly ManifestFile[]): string {
  const dirs = new Set(files.map((f) => (f.name.includes('/') ? f.name.slice(0, f.name.lastIndexOf('/') + 1) : '')));
  const [only] = dirs;
  return dirs.size === 1 && only ? `${only}${NEW_FLOWS_FILE}` : NEW_FLOWS_FILE;
}

export function planExpectFlow(files: readonly ManifestFile[], assertion: Omit<FlowAssertion, 'file' | 'line' | 'column' | 'endColumn'>): ExpectFlowEdit {
  const line = formatFlowAssertion(assertion);
  const existing = files.find((f) => isFlowsFile(f.name));
  if (!existing) {
    return { kind: 'append', file: newFlowsFileName(files), text: `${NEW_FILE_HEADER}${line}\n`, line: 2, created: true };
  }
  const same = parseFlowAssertions(existing).assertions.find((a) => formatFlowAssertion(a) === line);
  if (same) return { kind: 'exists', file: existing.name, line: same.line };
  const eol = existing.text.includes('\r\n') ? '\r\n' : '\n';
  const text = existing.text === '' || /[\r\n]$/.test(existing.text) ? existing.text : `${existing.text}${eol}`;
  const lineNumber = text === '' ? 1 : text.split(/\r\n|\r|\n/).length;
  return { kind: 'append', file: existing.name, text: `${text}${line}${eol}`, line: lineNumber, created: false };
}
