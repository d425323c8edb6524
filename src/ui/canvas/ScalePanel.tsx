/**
 * The canvas's top-left panel: search (highlight or show only matches, fit and step through
 * them), focus mode, expand or collapse every namespace, and the legend.
 */
import { Panel } from '@xyflow/react';
import { useRef, type KeyboardEvent } from 'react';
import { appStore, type AppState, selectSelection, useAppStore } from '../store/index.ts';
import { Legend } from './Legend.tsx';
import { focusOnNode } from './scale-actions.ts';

const selectSearch = (s: AppState) => s.canvasSearch;

export interface ScalePanelProps {
  /** Matching nodes on the canvas, and matching workloads inside collapsed namespaces. */
  readonly matches: readonly string[];
  readonly hiddenMatches: number;
  readonly searching: boolean;
  /** The node in focus mode (when it is on the canvas), with how many peers are shown. */
  readonly focus: { readonly id: string; readonly peers: number } | undefined;
  /** Namespaces on the canvas: all names, and how many are collapsed. */
  readonly namespaces: readonly string[];
  readonly collapsedCount: number;
  /** Whether "Expand all" is offered (not for very large clusters). */
  readonly canExpandAll: boolean;
  onFitMatches(): void;
  onNextMatch(): void;
  /**
   * A narrow canvas: the panel shows only the legend (as before searching existed) until the
   * search is opened from the canvas controls, and then sits under the drawing toolbar.
   */
  readonly compact: boolean;
  readonly searchOpen: boolean;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function ScalePanel(props: ScalePanelProps) {
  const search = useAppStore(selectSearch);
  const selection = useAppStore(selectSelection);
  const input = useRef<HTMLInputElement>(null);
  const { matches, hiddenMatches, searching, focus } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onNextMatch();
    } else if (event.key === 'Escape' && search.text !== '') {
      event.preventDefault();
      event.stopPropagation();
      appStore.getState().setCanvasSearch({ text: '' });
    }
  };
  const selectedNode = selection?.kind === 'node' ? selection.id : undefined;
  if (props.compact && !props.searchOpen && search.text === '' && !focus) {
    return (
      <Panel position="top-left" className="canvas-topleft">
        <Legend />
      </Panel>
    );
  }
  const matchText = !searching
    ? ''
    : matches.length === 0
      ? 'no match'
      : `${plural(matches.length, 'match', 'matches')}${hiddenMatches > 0 ? ` (${plural(hiddenMatches, 'workload')} in collapsed namespaces)` : ''}`;
  return (
    <Panel position="top-left" className={`canvas-topleft${props.compact ? ' is-compact' : ''}`}>
      <div className="canvas-search" role="search">
        <input
          ref={input}
          autoFocus={props.compact}
          type="search"
          className="canvas-search-input"
          placeholder="Search: name, app=web, ns:shop"
          aria-label="Search workloads by name, label (app=web, app) or namespace (ns:name)"
          value={search.text}
          onChange={(e) => appStore.getState().setCanvasSearch({ text: e.target.value })}
          onKeyDown={onKeyDown}
          data-testid="canvas.search"
        />
      </div>
      <div className="canvas-scale-row">
        {searching ? (
          <select
          aria-label="What to do with the workloads that do not match"
          value={search.mode}
          onChange={(e) => appStore.getState().setCanvasSearch({ mode: e.target.value === 'only' ? 'only' : 'highlight' })}
          data-testid="canvas.search.mode"
        >
          <option value="highlight">Highlight</option>
          <option value="only">Only matches</option>
          </select>
        ) : null}
        {searching ? (
          <>
            <span className="canvas-search-count" aria-live="polite" data-testid="canvas.search.count">
              {matchText}
            </span>
            <button type="button" onClick={props.onFitMatches} disabled={matches.length === 0} data-testid="canvas.search.fit" title="Fit the view to every match">
              Fit
            </button>
            <button type="button" onClick={props.onNextMatch} disabled={matches.length === 0} data-testid="canvas.search.next" title="Go to the next match (Enter)">
              Next
            </button>
          </>
        ) : null}
        {focus ? (
          <span className="canvas-focus" data-testid="canvas.focus">
            Focus: <b>{focus.id}</b> and {plural(focus.peers, 'peer')}{' '}
            <button type="button" onClick={() => focusOnNode(undefined)} data-testid="canvas.focus.exit" title="Show everything again (Esc)">
              Leave focus
            </button>
          </span>
        ) : selectedNode ? (
          <button type="button" onClick={() => focusOnNode(selectedNode)} data-testid="canvas.focus.enter" title="Show only this node and its peers (F)">
            Focus on {selectedNode.startsWith('ns:') ? selectedNode.slice(3) : selectedNode}
          </button>
        ) : null}
        {props.namespaces.length > 2 ? (
          <>
            {props.collapsedCount > 0 && props.canExpandAll ? (
              <button type="button" onClick={() => appStore.getState().setNamespaces(props.namespaces, 'expanded')} data-testid="canvas.expand-all">
                Expand all
              </button>
            ) : null}
            {props.collapsedCount < props.namespaces.length ? (
              <button type="button" onClick={() => appStore.getState().setNamespaces(props.namespaces, 'collapsed')} data-testid="canvas.collapse-all">
                Collapse all
              </button>
            ) : null}
          </>
        ) : null}
        <Legend />
      </div>
    </Panel>
  );
}
