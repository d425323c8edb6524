/** How the user is looking at things: toggles, side panel, node positions, YAML navigation. */
import type { SliceCreator } from './types.ts';

export type SidePanel = 'inspector' | 'matrix' | 'probe' | 'generate';

export interface YamlTarget {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  /** Changes on every request, so asking twice for the same place still scrolls. */
  readonly nonce: number;
}

export interface ViewSlice {
  readonly showAllDenied: boolean;
  readonly sidePanel: SidePanel;
  readonly importOpen: boolean;
  /** Positions the user dragged nodes to, by node id; they survive edits of the YAML. */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  readonly yamlTarget: YamlTarget | undefined;
  setShowAllDenied(show: boolean): void;
  setSidePanel(panel: SidePanel): void;
  setImportOpen(open: boolean): void;
  setPosition(id: string, position: { x: number; y: number }): void;
  /** Move the YAML pane's cursor to a place (and switch to its file). */
  revealInYaml(target: Omit<YamlTarget, 'nonce'>): void;
}

let nonce = 0;

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  showAllDenied: false,
  sidePanel: 'inspector',
  importOpen: false,
  positions: {},
  yamlTarget: undefined,
  setShowAllDenied(show) {
    set({ showAllDenied: show });
  },
  setSidePanel(panel) {
    set({ sidePanel: panel });
  },
  setImportOpen(open) {
    set({ importOpen: open });
  },
  setPosition(id, position) {
    set({ positions: { ...get().positions, [id]: position } });
  },
  revealInYaml(target) {
    set({ yamlTarget: { ...target, nonce: ++nonce }, activeFile: target.file });
  },
});
