import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, demoScenario } from './ui/App.tsx';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App scenario={demoScenario()} />
  </StrictMode>,
);
