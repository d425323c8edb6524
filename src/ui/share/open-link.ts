/**
 * Opening a share link: the fragment `#share=v1.…` is read once, then removed from the address
 * (history.replaceState) so a reload does not import it again. What the user gets:
 *  - a link that cannot be read: the app opens as usual (their autosaved work untouched) with an
 *    error notice saying what is wrong with the link;
 *  - a readable link and nothing of theirs to lose (a first visit, an empty workspace, or the
 *    same content): the shared workspace opens at once;
 *  - a readable link over work of their own: the app asks first ("Keep my work" is the default);
 *    opening it replaces the workspace as ONE undo step, so Undo brings their work back.
 * Links pasted into the address bar of an open tab (only the fragment changes) are handled too.
 */
import { findScenario } from '../scenarios.ts';
import { hasWork } from '../shell/workspace-actions.ts';
import type { AppStore } from '../store/index.ts';
import { decodeSharePayload, findSharePayload } from './codec.ts';
import { MAX_GUIDE_STEP } from './limits.ts';
import { shareStatus } from './share-status.ts';
import type { SharedWorkspace } from './shared-workspace.ts';

/** Puts the shared workspace in the store: files, title, open file and layout as one undo step; then the guided step. */
export function applySharedWorkspace(store: AppStore, shared: SharedWorkspace): void {
  store.history.batch(() => {
    store.getState().replaceFiles(shared.files, shared.title);
    const activeFile = shared.activeFile ?? store.getState().activeFile;
    store.setState({ positions: shared.positions, activeFile });
  });
  const state = store.getState();
  const scenario = shared.guide ? findScenario(shared.guide.scenarioId) : undefined;
  if (shared.guide && scenario) {
    const step = Math.min(shared.guide.step, scenario.steps?.length ?? 0, MAX_GUIDE_STEP);
    // The files are the link's (the sender may have edited them): only the place in the guide is restored.
    store.setState({ guide: { scenarioId: scenario.id, step }, prediction: undefined, predictionResults: {} });
  } else if (state.guide) {
    state.exitGuide();
  }
  state.setFlowChanges(undefined);
  state.setPresentation(shared.presentation);
  state.closeGallery();
  shareStatus.setState({ pending: undefined, opened: shared.title });
}

function sameContent(store: AppStore, shared: SharedWorkspace): boolean {
  const { files, title } = store.getState();
  return (
    title === shared.title &&
    files.length === shared.files.length &&
    files.every((f, i) => f.name === shared.files[i]?.name && f.text === shared.files[i]?.text)
  );
}

function clearFragment(): void {
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
}

/**
 * Reads a share link from the address, if there is one. `firstVisit`: no autosaved work was
 * found when the app started (what is in the store is the demo), so nothing can be lost.
 */
export function openShareLink(store: AppStore, options: { readonly firstVisit: boolean }): void {
  const payload = findSharePayload(window.location.hash);
  if (payload === undefined) return;
  clearFragment();
  const result = decodeSharePayload(payload);
  if (!result.ok) {
    shareStatus.setState({ error: result.error, pending: undefined, opened: undefined });
    return;
  }
  shareStatus.setState({ error: undefined });
  if (options.firstVisit || !hasWork(store) || sameContent(store, result.workspace)) {
    applySharedWorkspace(store, result.workspace);
    // Nothing of the user's was replaced: there is nothing to undo back to.
    if (options.firstVisit) store.history.clear();
  } else {
    shareStatus.setState({ pending: result.workspace, opened: undefined });
  }
}

/** Also opens links pasted into an open tab's address bar (the page does not reload). Returns the uninstaller. */
export function installShareLinkListener(store: AppStore): () => void {
  const onHashChange = () => openShareLink(store, { firstVisit: false });
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
