/**
 * The view side of the canvas at scale: fitting after a new layout (the whole drawing, or the
 * namespace just expanded), focus mode (fit to the node and its peers; leaving restores the view
 * before) and stepping through search matches.
 */
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { FilteredGraph } from './filter.ts';
import { selectOnCanvas } from './select.ts';

export interface ScaleViewInput {
  readonly filtered: FilteredGraph;
  readonly focusId: string | undefined;
  readonly collapsed: ReadonlySet<string>;
  /** The layout of the current nodes is placed and React Flow holds them. */
  readonly rendered: boolean;
  /** Changes for each new workspace or fresh layout asked for. */
  readonly epoch: string;
  /** Changes with the epoch and with every expanded or collapsed namespace. */
  readonly layoutEpoch: string;
  readonly fitTo: (ids?: readonly string[]) => void;
}

export interface ScaleView {
  /** The node in focus, when it is on the canvas. */
  readonly focusedOn: string | undefined;
  readonly focusPeers: number;
  fitMatches(): void;
  nextMatch(): void;
}

export function useScaleView({ filtered, focusId, collapsed, rendered, epoch, layoutEpoch, fitTo }: ScaleViewInput): ScaleView {
  // Fit once the layout of the current node set is on screen, for each new layout epoch; never on
  // edits. After expanding one namespace, fit to it; otherwise to the whole drawing.
  const fittedEpoch = useRef<string | undefined>(undefined);
  const previousCollapsed = useRef(collapsed);
  const revealAfterLayout = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (previousCollapsed.current === collapsed) return;
    const opened = [...previousCollapsed.current].filter((name) => !collapsed.has(name));
    revealAfterLayout.current = opened.length === 1 ? `ns:${opened[0]}` : undefined;
    previousCollapsed.current = collapsed;
  }, [collapsed]);
  const empty = filtered.graph.nodes.length === 0;
  useEffect(() => {
    if (!rendered || fittedEpoch.current === layoutEpoch || empty) return;
    const first = fittedEpoch.current === undefined || !fittedEpoch.current.startsWith(`${epoch}:`);
    fittedEpoch.current = layoutEpoch;
    const reveal = revealAfterLayout.current;
    revealAfterLayout.current = undefined;
    fitTo(reveal && !first ? [reveal] : undefined);
  }, [rendered, layoutEpoch, epoch, fitTo, empty]);

  // Focus mode: fit to the node and its peers; leaving it goes back to the view before.
  const { getViewport, setViewport } = useReactFlow();
  const beforeFocus = useRef<ReturnType<typeof getViewport> | undefined>(undefined);
  const focusedOn = filtered.focused ? focusId : undefined;
  const shown = filtered.graph.nodes.filter((n) => !n.hidden && n.type !== 'namespace');
  const latestShown = useRef(shown);
  latestShown.current = shown;
  useEffect(() => {
    if (!rendered) return;
    if (focusedOn) {
      beforeFocus.current ??= getViewport();
      fitTo(latestShown.current.map((n) => n.id));
    } else if (beforeFocus.current) {
      void setViewport(beforeFocus.current);
      beforeFocus.current = undefined;
    }
  }, [focusedOn, rendered, fitTo, getViewport, setViewport]);

  const matchIndex = useRef(-1);
  const { matches } = filtered;
  const fitMatches = useCallback(() => {
    if (matches.length > 0) fitTo(matches);
  }, [matches, fitTo]);
  const nextMatch = useCallback(() => {
    if (matches.length === 0) return;
    matchIndex.current = (matchIndex.current + 1) % matches.length;
    const id = matches[matchIndex.current]!;
    fitTo([id]);
    selectOnCanvas({ kind: 'node', id });
  }, [matches, fitTo]);

  return { focusedOn, focusPeers: focusedOn ? shown.filter((n) => n.id !== focusedOn).length : 0, fitMatches, nextMatch };
}
