import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { findDemoScenario } from './ui/scenarios.ts';
import { shouldOpenGallery } from './ui/gallery/opening.ts';
import { openShareLink } from './ui/share/open-link.ts';
import { restoredSavedWorkspace } from './ui/store/autosave.ts';
import { appStore } from './ui/store/index.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The store restored the autosaved workspace, if any, when it was created; else open the demo.
const firstVisit = !restoredSavedWorkspace();
if (!firstVisit) {
  appStore.getState().requestAnalysis();
} else {
  const demo = findDemoScenario();
  appStore.getState().replaceFiles(demo.manifests, demo.title);
}
appStore.history.clear();
// A first visit opens the scenario gallery over the demo (`?gallery=0` skips it; the browser tests use that).
if (shouldOpenGallery({ firstVisit, search: window.location.search, hash: window.location.hash })) appStore.getState().openGallery('opening');
// A share link (`#share=v1.…`) opens over that: at once on a first visit, else after asking. It
// removes the fragment from the address, so it comes after everything that reads the fragment.
openShareLink(appStore, { firstVisit });

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
