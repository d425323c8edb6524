/** How the user is looking at things: toggles, side panel, node positions, YAML navigation. */
import type { SliceCreator } from './types.ts';

/** A namespace the user expanded or collapsed on the canvas (the default depends on the cluster's size). */
export type NamespaceToggle = 'expanded' | 'collapsed';

/** The canvas search: highlight matches (dimming the rest) or show only matches. */
export interface CanvasSearch {
  readonly text: string;
  readonly mode: 'highlight' | 'only';
}

export type SidePanel = 'inspector' | 'matrix' | 'probe' | 'tests' | 'generate' | 'compare';

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
  /** Per namespace, expanded or collapsed by the user; for the workspace `generation` it was set in. */
  readonly namespaceToggles: { readonly generation: number; readonly toggles: Readonly<Record<string, NamespaceToggle>> };
  readonly canvasSearch: CanvasSearch;
  /** Focus mode: one node and its peers only (for the workspace `generation` it was set in). */
  readonly canvasFocus: { readonly generation: number; readonly id: string } | undefined;
  /** Expand or collapse namespaces (by name). */
  setNamespaces(names: readonly string[], toggle: NamespaceToggle): void;
  setCanvasSearch(search: Partial<CanvasSearch>): void;
  setCanvasFocus(id: string | undefined): void;
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
  namespaceToggles: { generation: 0, toggles: {} },
  canvasSearch: { text: '', mode: 'highlight' },
  canvasFocus: undefined,
  setNamespaces(names, toggle) {
    const { generation, namespaceToggles } = get();
    const toggles = namespaceToggles.generation === generation ? { ...namespaceToggles.toggles } : {};
    for (const name of names) toggles[name] = toggle;
    set({ namespaceToggles: { generation, toggles } });
  },
  setCanvasSearch(search) {
    set({ canvasSearch: { ...get().canvasSearch, ...search } });
  },
  setCanvasFocus(id) {
    set({ canvasFocus: id === undefined ? undefined : { generation: get().generation, id } });
  },
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
