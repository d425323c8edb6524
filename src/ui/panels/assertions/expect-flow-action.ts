/** Writes an "Expect this flow" line into the workspace (through the store) and shows it in the editor. */
import { isFlowQueryError, parseFlowQuery, type FlowExpectation, type Protocol } from '../../../core/index.ts';
import { appStore } from '../../store/index.ts';
import { planExpectFlow } from './expect-flow.ts';

export interface ExpectRequest {
  /** Endpoint texts as a `.flows` line writes them (`ns/name`, an address). */
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  readonly port?: number;
  readonly expect: FlowExpectation;
}

/** What happened, in words for the user. */
export function expectFlow(request: ExpectRequest): { readonly ok: boolean; readonly message: string } {
  const port = request.port === undefined ? '' : ` ${request.port}`;
  const query = parseFlowQuery(`${request.from} -> ${request.to} ${request.protocol}${port}`);
  if (isFlowQueryError(query)) return { ok: false, message: query.message };
  const state = appStore.getState();
  const edit = planExpectFlow(state.files, { ...query, expect: request.expect });
  if (edit.kind === 'exists') {
    state.revealInYaml({ file: edit.file, line: edit.line, column: 1 });
    return { ok: true, message: `Already expected, in ${edit.file} line ${edit.line}.` };
  }
  if (edit.created) state.addFiles([{ name: edit.file, text: edit.text }]);
  else state.setFileText(edit.file, edit.text);
  appStore.getState().revealInYaml({ file: edit.file, line: edit.line, column: 1 });
  return { ok: true, message: `Added to ${edit.file}, line ${edit.line}.` };
}
