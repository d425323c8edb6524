/**
 * Autosave: the document (see DOCUMENT_KEYS) and the file shown are kept in the browser's
 * localStorage and restored on reload. Writes wait for a short pause (typing does not serialise
 * the workspace on every keystroke) and happen at once when the page is hidden or closed. When
 * storage is full or unavailable the editor keeps working and a notice says so.
 */
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand';
import { DEFAULT_GENERATOR_SETTINGS, type ManifestFile } from '../../core/index.ts';
import { DOCUMENT_KEYS, pickDocument, type DocumentState } from './history.ts';
import type { AppState } from './types.ts';

export const AUTOSAVE_KEY = 'netpol-canvas.workspace';
/** Bump when the saved shape changes; `migrateSaved` then converts older versions. */
export const AUTOSAVE_VERSION = 1;
export const AUTOSAVE_DELAY_MS = 400;

/**
 * The document, the file shown, the what-if baseline and the place in a guided lesson (saved, but
 * never undone: a reload mid-lesson comes back to the same step).
 */
export type SavedState = DocumentState & Pick<AppState, 'activeFile' | 'baseline' | 'guide'>;

export function pickSaved(state: AppState): SavedState {
  return { ...pickDocument(state), activeFile: state.activeFile, baseline: state.baseline, guide: state.guide };
}

/** Why saving failed, for a non-blocking notice ("Autosave off: <notice>"); undefined: all is well. */
export interface AutosaveStatus {
  readonly notice: string | undefined;
}

export const autosaveStatus = createStore<AutosaveStatus>()(() => ({ notice: undefined }));

function setNotice(notice: string | undefined): void {
  if (autosaveStatus.getState().notice !== notice) autosaveStatus.setState({ notice });
}

function isFile(value: unknown): value is ManifestFile {
  if (typeof value !== 'object' || value === null) return false;
  const { name, text } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof text === 'string';
}

function isPositions(value: unknown): value is SavedState['positions'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((p: unknown) => {
    if (typeof p !== 'object' || p === null) return false;
    const { x, y } = p as Record<string, unknown>;
    return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y);
  });
}

function isObjectArray(value: unknown): value is readonly object[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
}

/**
 * The saved state if it has the expected shape, else undefined (a damaged save is ignored, not
 * trusted). Fields a later version adds are taken when present and left at their defaults otherwise.
 */
export function checkSaved(value: unknown): Partial<SavedState> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const files = v['files'];
  if (!Array.isArray(files) || !files.every(isFile)) return undefined;
  const saved: Record<string, unknown> = { files };
  if (typeof v['title'] === 'string') saved['title'] = v['title'];
  if (isPositions(v['positions'])) saved['positions'] = v['positions'];
  if (typeof v['activeFile'] === 'string') saved['activeFile'] = v['activeFile'];
  const baseline = v['baseline'];
  if (typeof baseline === 'object' && baseline !== null) {
    const b = baseline as Record<string, unknown>;
    const baseFiles = b['files'];
    if (Array.isArray(baseFiles) && baseFiles.every(isFile) && typeof b['title'] === 'string' && typeof b['savedAt'] === 'number') {
      saved['baseline'] = { files: baseFiles, title: b['title'], savedAt: b['savedAt'] };
    }
  }
  const guide = v['guide'];
  if (typeof guide === 'object' && guide !== null) {
    const g = guide as Record<string, unknown>;
    const step = g['step'];
    if (typeof g['scenarioId'] === 'string' && typeof step === 'number' && Number.isInteger(step) && step >= 0) {
      saved['guide'] = { scenarioId: g['scenarioId'], step };
    }
  }
  // What was drawn: the shapes are the core's; a save that is not even a list is dropped.
  if (isObjectArray(v['intents'])) saved['intents'] = v['intents'];
  const drawn = v['drawnExternals'];
  if (isObjectArray(drawn) && drawn.every((e) => typeof (e as Record<string, unknown>)['id'] === 'string')) saved['drawnExternals'] = drawn;
  const settings = v['generatorSettings'];
  if (typeof settings === 'object' && settings !== null && !Array.isArray(settings)) {
    saved['generatorSettings'] = { ...DEFAULT_GENERATOR_SETTINGS, ...settings };
  }
  return saved as Partial<SavedState>;
}

/** Saved states of older versions, converted to the current shape (none yet). */
export function migrateSaved(state: unknown, version: number): unknown {
  return version === AUTOSAVE_VERSION ? state : undefined;
}

function describeFailure(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'the browser’s storage is full (this workspace is too large to save); use Export… to keep your work';
  }
  return 'this browser does not allow the page to save; use Export… to keep your work';
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A PersistStorage on localStorage that writes only when the saved fields changed, after a
 * pause, and at once when the page goes away.
 */
export function createAutosaveStorage(): PersistStorage<SavedState> {
  let pending: { name: string; value: StorageValue<SavedState> } | undefined;
  let written: SavedState | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { name, value } = pending;
    pending = undefined;
    const storage = browserStorage();
    try {
      if (!storage) throw new Error('no localStorage');
      storage.setItem(name, JSON.stringify(value));
      written = value.state;
      setNotice(undefined);
    } catch (error) {
      setNotice(describeFailure(error));
    }
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }

  return {
    getItem(name) {
      const storage = browserStorage();
      if (!storage) {
        setNotice(describeFailure(undefined));
        return null;
      }
      try {
        const text = storage.getItem(name);
        if (text === null) return null;
        const parsed = JSON.parse(text) as StorageValue<SavedState>;
        written = parsed.state;
        return parsed;
      } catch (error) {
        if (error instanceof SyntaxError) return null; // a damaged save: start afresh
        setNotice(describeFailure(error));
        return null;
      }
    },
    setItem(name, value) {
      const same = written !== undefined && sameSaved(written, value.state);
      if (same && !pending) return;
      pending = same ? undefined : { name, value };
      if (timer !== undefined) clearTimeout(timer);
      timer = pending ? setTimeout(flush, AUTOSAVE_DELAY_MS) : undefined;
    },
    removeItem(name) {
      pending = undefined;
      written = undefined;
      try {
        browserStorage()?.removeItem(name);
      } catch {
        // nothing saved that could be removed
      }
    },
  };
}

function sameSaved(a: SavedState, b: SavedState): boolean {
  return a.activeFile === b.activeFile && a.baseline === b.baseline && DOCUMENT_KEYS.every((key) => a[key] === b[key]);
}

/** Whether the last hydration found a saved workspace (main.tsx then skips loading the demo). */
let restored = false;

export function restoredSavedWorkspace(): boolean {
  return restored;
}

/** A storage that keeps nothing (stores made for tests). */
const NO_STORAGE: PersistStorage<SavedState> = {
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
};

export function autosaveOptions(enabled: boolean): PersistOptions<AppState, SavedState> {
  return {
    name: AUTOSAVE_KEY,
    version: AUTOSAVE_VERSION,
    storage: enabled ? createAutosaveStorage() : NO_STORAGE,
    skipHydration: !enabled,
    partialize: pickSaved,
    migrate: migrateSaved as PersistOptions<AppState, SavedState>['migrate'],
    merge: (persisted, current) => {
      const saved = checkSaved(persisted);
      if (enabled) restored = saved !== undefined;
      if (!saved) return current;
      const files = saved.files ?? [];
      const activeFile = files.some((f) => f.name === saved.activeFile) ? saved.activeFile : files[files.length - 1]?.name;
      return { ...current, ...saved, activeFile: activeFile ?? '' };
    },
  };
}
