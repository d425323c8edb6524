/** What the user has selected: a node, a flow edge, a policy, or a matrix cell. Ids, never copies. */
import type { SliceCreator } from './types.ts';

export type Selection =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'flow'; readonly source: string; readonly target: string }
  | { readonly kind: 'policy'; readonly id: string }
  | null;

export interface SelectionSlice {
  readonly selection: Selection;
  select(selection: Selection): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selection: null,
  select(selection) {
    set({ selection });
  },
});
