/**
 * The one store of the editor, built from slices (workspace, analysis, selection, view, drawing).
 * Middleware only here, at the top: undo history of the document (zundo, see history.ts) and
 * autosave in the browser (zustand persist, see autosave.ts).
 * Components subscribe through the named selectors below, never to the whole state.
 */
import { temporal } from 'zundo';
import { createStore, useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { createAnalysisSliceWith } from './analysis-slice.ts';
import type { CreateAnalysisWorker } from '../worker/runner.ts';
import { createCompareSlice } from './compare-slice.ts';
import { createDrawingSlice } from './drawing-slice.ts';
import { createGuideSlice } from './guide-slice.ts';
import { autosaveOptions } from './autosave.ts';
import { bindHistory, createStepGrouper, historyOptions, type DocumentHistory, type GrouperClock } from './history.ts';
import { createSelectionSlice } from './selection-slice.ts';
import type { AppState } from './types.ts';
import { createViewSlice } from './view-slice.ts';
import { createWorkspaceSlice } from './workspace-slice.ts';

export type { AppState } from './types.ts';
export type { Selection } from './selection-slice.ts';
export type { SidePanel, YamlTarget } from './view-slice.ts';

export type { DocumentHistory } from './history.ts';

export interface AppStoreOptions {
  /** Save the document in localStorage and restore it (the app's store only; tests leave it off). */
  readonly autosave?: boolean;
  /** Time and task ends for grouping changes into undo steps (tests). */
  readonly clock?: GrouperClock;
  /** The worker analysing large inputs (tests pass a fake; default: the app's, where Web Workers exist). */
  readonly analysisWorker?: CreateAnalysisWorker;
}

export function createAppStore(options: AppStoreOptions = {}) {
  const grouper = createStepGrouper(options.clock);
  const store = createStore<AppState>()(
    persist(
      temporal(
        (...a) => ({
          ...createWorkspaceSlice(...a),
          ...createAnalysisSliceWith(options.analysisWorker)(...a),
          ...createSelectionSlice(...a),
          ...createViewSlice(...a),
          ...createDrawingSlice(...a),
          ...createCompareSlice(...a),
          ...createGuideSlice(...a),
        }),
        historyOptions(grouper),
      ),
      autosaveOptions(options.autosave ?? false),
    ),
  );
  const history: DocumentHistory = bindHistory(store, grouper);
  return Object.assign(store, { history });
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store (tests create their own with createAppStore). */
export const appStore = createAppStore({ autosave: true });

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
export const selectBaseline = (s: AppState) => s.baseline;
export const selectFlowChanges = (s: AppState) => s.flowChanges;
export const selectGuide = (s: AppState) => s.guide;
export const selectPresentation = (s: AppState) => s.presentation;
export const selectProgress = (s: AppState) => s.progress;
export const selectAnalysisCancelled = (s: AppState) => s.analysisCancelled;
