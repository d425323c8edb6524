import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { findDemoScenario } from './ui/scenarios.ts';
import { restoredSavedWorkspace } from './ui/store/autosave.ts';
import { appStore } from './ui/store/index.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The store restored the autosaved workspace, if any, when it was created; else open the demo.
if (restoredSavedWorkspace()) {
  appStore.getState().analyzeNow();
} else {
  const demo = findDemoScenario();
  appStore.getState().replaceFiles(demo.manifests, demo.title);
}
appStore.history.clear();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
