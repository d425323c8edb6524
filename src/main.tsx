import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { findDemoScenario } from './ui/scenarios.ts';
import { appStore } from './ui/store/index.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const demo = findDemoScenario();
appStore.getState().replaceFiles(demo.manifests, demo.title);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
