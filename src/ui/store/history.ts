/**
 * Undo and redo over the DOCUMENT: the manifest texts, the title, the dragged node positions and
 * what was drawn (intents, generator settings, placed externals). Analysis, selection and view
 * toggles are never in the history: after a step the analysis is recomputed. Built on zundo;
 * this module decides which changes make one step:
 *  - one user action is one step: every document change made in the same task (one event
 *    handler: a drawing action patching several files, a drag stop moving several nodes) merges;
 *  - typing: every keystroke sets a file's text; keystrokes in the same file with pauses shorter
 *    than TYPING_PAUSE_MS are one step (the step restores the text before the first of them);
 *  - `batch(fn)`: everything `fn` changes is one step;
 *  - anything else is a step of its own.
 */
import type { StoreApi } from 'zustand';
import type { TemporalState, ZundoOptions } from 'zundo';
import type { AppState } from './types.ts';

/**
 * The fields that make up the document: undone and redone, and autosaved. When a slice adds
 * document fields (the drawing slice's intents, generator settings, drawn externals), add their
 * names here: history and autosave both follow this list.
 */
export const DOCUMENT_KEYS = [
  'files',
  'title',
  'positions',
  'intents',
  'generatorSettings',
  'drawnExternals',
] as const satisfies readonly (keyof AppState)[];

export type DocumentKey = (typeof DOCUMENT_KEYS)[number];
export type DocumentState = Pick<AppState, DocumentKey>;

/** Keystrokes closer together than this are one undo step. */
export const TYPING_PAUSE_MS = 800;

export function pickDocument(state: Pick<AppState, DocumentKey>): DocumentState {
  const picked: Partial<Record<DocumentKey, unknown>> = {};
  for (const key of DOCUMENT_KEYS) picked[key] = state[key];
  return picked as DocumentState;
}

/** Same document: every field is the same value (the store never mutates, so identity suffices). */
export function sameDocument(a: Partial<DocumentState>, b: Partial<DocumentState>): boolean {
  return DOCUMENT_KEYS.every((key) => a[key] === b[key]);
}

/**
 * What a change did, when it may merge with the changes before it: the text of one file
 * (`text:<name>`), or positions only. Undefined for every other change.
 */
export function changeKind(past: Partial<DocumentState>, next: Partial<DocumentState>): string | undefined {
  const changed = DOCUMENT_KEYS.filter((key) => past[key] !== next[key]);
  if (changed.length !== 1) return undefined;
  if (changed[0] === 'positions') return 'positions';
  if (changed[0] !== 'files' || !past.files || !next.files || past.files.length !== next.files.length) return undefined;
  let edited: string | undefined;
  for (let i = 0; i < next.files.length; i++) {
    const before = past.files[i];
    const after = next.files[i];
    if (!before || !after || before.name !== after.name) return undefined;
    if (before.text === after.text) continue;
    if (edited !== undefined) return undefined;
    edited = after.name;
  }
  return edited === undefined ? undefined : `text:${edited}`;
}

/** Decides, change by change, whether a change starts a new undo step. */
export interface StepGrouper {
  /** True when the change from `past` to `next` must be recorded as a new step. */
  startsStep(past: Partial<DocumentState>, next: Partial<DocumentState>): boolean;
  /** The next change starts a new step, whatever it is (after undo, redo, or a load). */
  breakGroup(): void;
  /** Everything `run` changes becomes one step. */
  batch(run: () => void): void;
}

export interface GrouperClock {
  /** Milliseconds, for pauses in typing. */
  readonly now?: () => number;
  /** Runs a function once the current task is over (queueMicrotask); ends a user action. */
  readonly afterTask?: (run: () => void) => void;
}

export function createStepGrouper(clock: GrouperClock = {}): StepGrouper {
  const now = clock.now ?? (() => Date.now());
  const afterTask = clock.afterTask ?? ((run: () => void) => queueMicrotask(run));
  let last: { kind: string | undefined; at: number } | undefined;
  /** A step was recorded in the current task: later changes in it belong to the same action. */
  let inTask = false;
  let batchDepth = 0;
  let batchRecorded = false;
  return {
    startsStep(past, next) {
      if (batchDepth > 0) {
        const first = !batchRecorded;
        batchRecorded = true;
        last = undefined;
        return first;
      }
      const kind = changeKind(past, next);
      const at = now();
      const typing = kind?.startsWith('text:') === true && last?.kind === kind && at - last.at < TYPING_PAUSE_MS;
      const merges = inTask || typing;
      last = { kind: inTask && last?.kind !== kind ? undefined : kind, at };
      if (!inTask) {
        inTask = true;
        afterTask(() => {
          inTask = false;
        });
      }
      return !merges;
    },
    breakGroup() {
      last = undefined;
      inTask = false;
    },
    batch(run) {
      if (batchDepth === 0) batchRecorded = false;
      batchDepth++;
      try {
        run();
      } finally {
        batchDepth--;
        last = undefined;
      }
    },
  };
}

/** Most steps kept. */
export const HISTORY_LIMIT = 200;

export function historyOptions(grouper: StepGrouper): ZundoOptions<AppState, DocumentState> {
  return {
    partialize: pickDocument,
    equality: sameDocument,
    limit: HISTORY_LIMIT,
    handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
      if (grouper.startsStep(pastState as Partial<DocumentState>, currentState)) {
        (handleSet as unknown as (p: unknown, r: unknown, c: unknown, d: unknown) => void)(pastState, replace, currentState, deltaState);
      }
    },
  };
}

export type TemporalStore = StoreApi<TemporalState<DocumentState>>;

/** Undo, redo and grouping, bound to one store. */
export interface DocumentHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Forget every step (a restored or freshly loaded workspace starts a new history). */
  clear(): void;
  /** Everything `run` changes in the document is one undo step. */
  batch(run: () => void): void;
  breakGroup(): void;
}

export function bindHistory(store: StoreApi<AppState> & { readonly temporal: TemporalStore }, grouper: StepGrouper): DocumentHistory {
  const step = (direction: 'undo' | 'redo') => {
    const temporal = store.temporal.getState();
    if ((direction === 'undo' ? temporal.pastStates : temporal.futureStates).length === 0) return;
    grouper.breakGroup();
    const before = store.getState();
    if (direction === 'undo') temporal.undo();
    else temporal.redo();
    afterStep(store, before);
    grouper.breakGroup();
  };
  return {
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: () => store.temporal.getState().pastStates.length > 0,
    canRedo: () => store.temporal.getState().futureStates.length > 0,
    clear: () => {
      grouper.breakGroup();
      store.temporal.getState().clear();
    },
    batch: (run) => grouper.batch(run),
    breakGroup: () => grouper.breakGroup(),
  };
}

function namesOf(state: Pick<AppState, 'files'>): string {
  return state.files.map((f) => f.name).join('\n');
}

/**
 * After a step: when the set of files changed (a load undone), views start afresh (a new
 * generation) and the selection goes; the YAML pane keeps showing a file that exists; the
 * analysis is recomputed at once.
 */
function afterStep(store: StoreApi<AppState>, before: AppState): void {
  const state = store.getState();
  const patch: { -readonly [K in keyof AppState]?: AppState[K] } = {};
  if (namesOf(before) !== namesOf(state)) {
    patch.generation = state.generation + 1;
    patch.selection = null;
  }
  if (!state.files.some((f) => f.name === state.activeFile)) {
    patch.activeFile = state.files[state.files.length - 1]?.name ?? '';
  }
  if (Object.keys(patch).length > 0) store.setState(patch);
  store.getState().requestAnalysis();
}
