import { useEffect, useMemo } from 'react';
import { analyzeFiles } from './analysis.ts';
import { createAutomationApi, installAutomationApi } from './automation.ts';
import { IssueList } from './panels/IssueList.tsx';
import { ManifestFiles } from './panels/ManifestFiles.tsx';
import { MatrixPanel } from './panels/MatrixPanel.tsx';
import { ScenarioHeader } from './panels/ScenarioHeader.tsx';
import type { Scenario } from './scenarios.ts';

export function App({ scenario }: { readonly scenario: Scenario }) {
  const analysis = useMemo(() => analyzeFiles(scenario.manifests), [scenario]);
  useEffect(() => installAutomationApi(createAutomationApi(analysis)), [analysis]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>netpol-canvas</h1>
        <span className="tagline">Kubernetes NetworkPolicy, seen and explained</span>
      </header>
      <main className="app-main">
        <ScenarioHeader scenario={scenario} />
        <IssueList issues={analysis.issues} />
        <MatrixPanel matrix={analysis.matrix} evaluator={analysis.evaluator} />
        <ManifestFiles files={analysis.files} />
      </main>
    </div>
  );
}
