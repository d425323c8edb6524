/**
 * The Tests tab: the workspace's expected flows (`.flows` files), each passing or failing with
 * the evaluator's reasons; clicking one shows its line and selects its flow. Also: expect the
 * selected flow, and export the flows as a probe script for a live cluster.
 */
import { useCallback } from 'react';
import type { FlowAssertionResult } from '../../core/index.ts';
import { appStore, selectAnalysis, selectSelection, selectStale, useAppStore } from '../store/index.ts';
import { AssertionItem } from './assertions/AssertionItem.tsx';
import { NEW_FLOWS_FILE, newFlowsFileName } from './assertions/expect-flow.ts';
import { ExpectSelectedFlow } from './assertions/ExpectSelectedFlow.tsx';
import { flowOfResult } from './assertions/flow-nodes.ts';
import { ProbeScriptButtons } from './assertions/ProbeScriptButtons.tsx';
import { summarizeAssertions, unreadableLines } from './assertions/summary.ts';
import './assertions/assertions.css';

const STARTER = `# Expected flows, one per line: FROM -> TO [PROTOCOL] [PORT] allowed|denied
# e.g.  frontend -> backend TCP 8080 allowed
#       default/frontend -> prod/db denied      (no port: every port)
`;

function showResult(result: FlowAssertionResult): void {
  const state = appStore.getState();
  const analysis = state.analysis;
  const flow = analysis ? flowOfResult(analysis, result) : undefined;
  if (flow) state.select({ kind: 'flow', ...flow });
  const a = result.assertion;
  state.revealInYaml({ file: a.file, line: a.line, column: a.column });
}

export function AssertionsPanel() {
  const analysis = useAppStore(selectAnalysis);
  const stale = useAppStore(selectStale);
  const selection = useAppStore(selectSelection);
  const onShow = useCallback(showResult, []);
  const results = analysis?.assertions ?? [];
  const summary = summarizeAssertions(results);
  const unreadable = analysis ? unreadableLines(analysis.issues, results) : 0;
  return (
    <div className="assertions" data-testid="assertions">
      {stale ? (
        <p className="insp-stale" role="status">
          The YAML has errors: results come from the last version that parsed.
        </p>
      ) : null}
      {unreadable > 0 ? (
        <p className="assertions-unreadable" role="status" data-testid="assertions.unreadable">
          <span aria-hidden="true">⚠</span> {unreadable === 1 ? '1 line' : `${unreadable} lines`} of the .flows files could not be
          read: see the Problems list under the editor.
        </p>
      ) : null}
      {results.length === 0 && unreadable === 0 ? (
        <div className="assertions-empty">
          <p>
            No expected flows yet. Write them in a <code>.flows</code> file, one per line, like{' '}
            <code>frontend -&gt; backend TCP 8080 allowed</code>, or select a flow on the canvas and expect it below.
          </p>
          <button
            type="button"
            onClick={() => {
              const state = appStore.getState();
              state.addFiles([{ name: newFlowsFileName(state.files), text: STARTER }]);
              appStore.getState().revealInYaml({ file: appStore.getState().activeFile, line: 4, column: 1 });
            }}
            data-testid="assertions.create"
          >
            Create {NEW_FLOWS_FILE}
          </button>
        </div>
      ) : results.length === 0 ? null : (
        <>
          <div className="assertions-head">
            <p className={`assertions-summary assertions-summary-${summary.tone}`} data-testid="assertions.summary" role="status">
              <span aria-hidden="true">{summary.tone === 'pass' ? '✓' : '✗'}</span> {summary.text}
            </p>
            {analysis ? <ProbeScriptButtons analysis={analysis} /> : null}
          </div>
          <ul className="assertions-list" data-testid="assertions.list">
            {results.map((r) => {
              const flow = analysis && selection?.kind === 'flow' ? flowOfResult(analysis, r) : undefined;
              const selected = flow !== undefined && selection?.kind === 'flow' && flow.source === selection.source && flow.target === selection.target;
              return <AssertionItem key={`${r.assertion.file}:${r.assertion.line}`} result={r} selected={selected} onShow={onShow} />;
            })}
          </ul>
        </>
      )}
      {analysis && selection?.kind === 'flow' ? (
        <ExpectSelectedFlow key={`${selection.source}->${selection.target}`} analysis={analysis} source={selection.source} target={selection.target} />
      ) : null}
    </div>
  );
}
