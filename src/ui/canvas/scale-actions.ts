/** Canvas-at-scale actions shared by nodes, panels and keys: expand, collapse, focus. */
import { appStore } from '../store/index.ts';
import type { NamespaceToggle } from '../store/view-slice.ts';
import { selectOnCanvas } from './select.ts';

export function toggleNamespace(name: string, toggle: NamespaceToggle): void {
  const state = appStore.getState();
  state.setNamespaces([name], toggle);
  // The summary and the group share the id `ns:<name>`: keep it selected across the change.
  selectOnCanvas({ kind: 'node', id: `ns:${name}` });
}

/** Focus mode on a node (undefined leaves it). */
export function focusOnNode(id: string | undefined): void {
  appStore.getState().setCanvasFocus(id);
  if (id) selectOnCanvas({ kind: 'node', id });
}
