/**
 * The one store of the editor, built from slices (workspace, analysis, selection, view).
 * Components subscribe through the named selectors below, never to the whole state.
 */
import { createStore, useStore } from 'zustand';
import { createAnalysisSlice } from './analysis-slice.ts';
import { createSelectionSlice } from './selection-slice.ts';
import type { AppState } from './types.ts';
import { createViewSlice } from './view-slice.ts';
import { createWorkspaceSlice } from './workspace-slice.ts';

export type { AppState } from './types.ts';
export type { Selection } from './selection-slice.ts';
export type { SidePanel, YamlTarget } from './view-slice.ts';

export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createAnalysisSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store (tests create their own with createAppStore). */
export const appStore = createAppStore();

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export const selectAnalysis = (s: AppState) => s.analysis;
export const selectIssues = (s: AppState) => s.issues;
export const selectStale = (s: AppState) => s.stale;
export const selectSelection = (s: AppState) => s.selection;
export const selectFiles = (s: AppState) => s.files;
export const selectActiveFile = (s: AppState) => s.activeFile;
export const selectTitle = (s: AppState) => s.title;
export const selectShowAllDenied = (s: AppState) => s.showAllDenied;
export const selectSidePanel = (s: AppState) => s.sidePanel;
export const selectPositions = (s: AppState) => s.positions;
export const selectYamlTarget = (s: AppState) => s.yamlTarget;
export const selectImportOpen = (s: AppState) => s.importOpen;
