/**
 * Whole-workspace changes from the top bar: start empty, or load a bundled example. Each is one
 * undo step (the work it replaced comes back with Ctrl+Z) and forgets dragged positions and
 * what was drawn (the drawn flows belong to the replaced manifests). Generator settings stay.
 */
import type { Scenario } from '../scenarios.ts';
import type { AppStore } from '../store/index.ts';

export const NEW_FILE_NAME = 'untitled.yaml';
export const NEW_TITLE = 'Untitled';

export function startNewWorkspace(store: AppStore): void {
  store.history.batch(() => {
    store.getState().replaceFiles([{ name: NEW_FILE_NAME, text: '' }], NEW_TITLE);
  });
}

export function loadScenario(store: AppStore, scenario: Scenario): void {
  store.history.batch(() => {
    store.getState().replaceFiles(scenario.manifests, scenario.title);
  });
}

/** True when the workspace holds something worth asking about before it is replaced. */
export function hasWork(store: AppStore): boolean {
  return store.getState().files.some((f) => f.text.trim() !== '');
}
