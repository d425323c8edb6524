/**
 * Keys on the canvas (pressed on it, or with nothing focused: clicking a flow label does not move
 * focus): Delete removes the selected flow, drawn namespace, workload or external endpoint; F
 * focuses on the selected node, Esc leaves focus mode, E expands or collapses a namespace.
 */
import { useEffect, type RefObject } from 'react';
import { appStore, type AppState } from '../store/index.ts';
import type { NamespaceToggle } from '../store/view-slice.ts';
import { collapsedNamespaces } from './collapse.ts';
import { focusOnNode, toggleNamespace } from './scale-actions.ts';

export function useCanvasKeys(
  wrapper: RefObject<HTMLDivElement | null>,
  focusOf: (state: AppState) => string | undefined,
  togglesOf: (state: AppState) => Readonly<Record<string, NamespaceToggle>>,
  onProblem: (problem: string | undefined) => void,
): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const onCanvas = !target || target === document.body || Boolean(wrapper.current?.contains(target));
      if (!onCanvas || target?.closest('input, textarea, select, [contenteditable="true"], .draw-popover')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const state = appStore.getState();
      const selected = state.selection?.kind === 'node' ? state.selection.id : undefined;
      const key = event.key.toLowerCase();
      if (key === 'escape' && focusOf(state) !== undefined) {
        event.preventDefault();
        return focusOnNode(undefined);
      }
      if (key === 'f' && selected) {
        event.preventDefault();
        return focusOnNode(focusOf(state) === selected ? undefined : selected);
      }
      if (key === 'e' && selected?.startsWith('ns:')) {
        event.preventDefault();
        const name = selected.slice(3);
        const isCollapsed = state.analysis ? collapsedNamespaces(state.analysis, togglesOf(state)).has(name) : false;
        return toggleNamespace(name, isCollapsed ? 'expanded' : 'collapsed');
      }
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      const current = state.selection;
      if (!current) return;
      event.preventDefault();
      let problem: string | undefined;
      if (current.kind === 'flow') problem = state.deleteFlow(current.source, current.target);
      else if (current.kind === 'node' && current.id.startsWith('ext:')) state.deleteExternal(current.id);
      else if (current.kind === 'node' && current.id.startsWith('ns:')) problem = state.deleteNamespace(current.id.slice(3));
      else if (current.kind === 'node') problem = state.deleteWorkload(current.id);
      onProblem(problem);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [wrapper, focusOf, togglesOf, onProblem]);
}
