import { AssertionsPanel } from '../panels/AssertionsPanel.tsx';
import { TestsBadge } from '../panels/assertions/TestsBadge.tsx';
import { ComparePanel } from '../panels/compare/ComparePanel.tsx';
import { GeneratorSettings } from '../panels/GeneratorSettings.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MatrixView } from '../panels/MatrixView.tsx';
import { ProbePanel } from '../panels/ProbePanel.tsx';
import { selectSidePanel, useAppStore, type SidePanel as Panel } from '../store/index.ts';

const TABS: readonly { id: Panel; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'probe', label: 'Probe' },
  { id: 'tests', label: 'Tests' },
  { id: 'generate', label: 'Generate' },
  { id: 'compare', label: 'Compare' },
];

export function SidePanel() {
  const panel = useAppStore(selectSidePanel);
  const setSidePanel = useAppStore((s) => s.setSidePanel);
  return (
    <aside className="side-panel">
      <div role="tablist" className="tabs" aria-label="Side panel">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={panel === tab.id}
            className={panel === tab.id ? 'tab active' : 'tab'}
            onClick={() => setSidePanel(tab.id)}
            data-testid={`tab.${tab.id}`}
          >
            {tab.label}
            {tab.id === 'tests' ? <TestsBadge /> : null}
          </button>
        ))}
      </div>
      <div className="side-panel-body">
        {panel === 'inspector' ? (
          <Inspector />
        ) : panel === 'matrix' ? (
          <MatrixView />
        ) : panel === 'probe' ? (
          <ProbePanel />
        ) : panel === 'tests' ? (
          <AssertionsPanel />
        ) : panel === 'compare' ? (
          <ComparePanel />
        ) : (
          <GeneratorSettings />
        )}
      </div>
    </aside>
  );
}
