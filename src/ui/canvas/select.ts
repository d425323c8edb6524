/** Selecting on the canvas: store the selection and show it in the inspector. */
import { appStore, type Selection } from '../store/index.ts';

export function selectOnCanvas(selection: Selection): void {
  const state = appStore.getState();
  state.select(selection);
  if (selection) state.setSidePanel('inspector');
}
