/**
 * The user's documents: manifest files as text. Nothing here ever rewrites what the user typed;
 * every change of text schedules a new analysis.
 */
import { isFlowsFile, type ManifestFile } from '../../core/index.ts';
import type { SliceCreator } from './types.ts';

export interface WorkspaceSlice {
  /** Manifest files, in order; their text is exactly what the user typed, pasted or loaded. */
  readonly files: readonly ManifestFile[];
  /** The file shown in the YAML pane. */
  readonly activeFile: string;
  /** Title shown in the top bar (scenario name, or "Imported manifests"). */
  readonly title: string;
  /** Increases on every replaceFiles, so views keeping per-file state (undo history) start afresh. */
  readonly generation: number;
  setFileText(name: string, text: string): void;
  setActiveFile(name: string): void;
  /** Replace the workspace (Import "replace", loading a scenario), forgetting what was drawn. */
  replaceFiles(files: readonly ManifestFile[], title: string): void;
  /** Add files to the workspace (Import "add"); a name already present gets a numbered suffix. */
  addFiles(files: readonly ManifestFile[]): void;
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

export const createWorkspaceSlice: SliceCreator<WorkspaceSlice> = (set, get) => ({
  files: [],
  activeFile: '',
  title: '',
  generation: 0,
  setFileText(name, text) {
    set({ files: get().files.map((f) => (f.name === name ? { name, text } : f)) });
    get().scheduleAnalysis();
  },
  setActiveFile(name) {
    set({ activeFile: name });
  },
  replaceFiles(files, title) {
    set({
      files: [...files],
      // Open on the last manifest (a scenario's policies), not on its expected flows.
      activeFile: (files.filter((f) => !isFlowsFile(f.name)).at(-1) ?? files.at(-1))?.name ?? '',
      title,
      selection: null,
      generation: get().generation + 1,
      // A replaced workspace starts a new drawing: flows drawn over the old files do not carry over.
      positions: {},
      intents: [],
      drawnExternals: [],
      generatorProblems: [],
      pendingRemoval: undefined,
    });
    get().requestAnalysis();
  },
  addFiles(files) {
    const taken = new Set(get().files.map((f) => f.name));
    const added = files.map((f) => {
      const name = uniqueName(f.name, taken);
      taken.add(name);
      return { name, text: f.text };
    });
    set({ files: [...get().files, ...added], activeFile: added[added.length - 1]?.name ?? get().activeFile });
    get().requestAnalysis();
  },
});
