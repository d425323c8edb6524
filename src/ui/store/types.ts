import type { StateCreator } from 'zustand';
import type { AnalysisSlice } from './analysis-slice.ts';
import type { CompareSlice } from './compare-slice.ts';
import type { DrawingSlice } from './drawing-slice.ts';
import type { GuideSlice } from './guide-slice.ts';
import type { SelectionSlice } from './selection-slice.ts';
import type { ViewSlice } from './view-slice.ts';
import type { WorkspaceSlice } from './workspace-slice.ts';

export type AppState = WorkspaceSlice & AnalysisSlice & SelectionSlice & ViewSlice & DrawingSlice & CompareSlice & GuideSlice;

export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
