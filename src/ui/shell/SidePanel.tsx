import { GeneratorSettings } from '../panels/GeneratorSettings.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MatrixView } from '../panels/MatrixView.tsx';
import { ProbePanel } from '../panels/ProbePanel.tsx';
import { selectSidePanel, useAppStore, type SidePanel as Panel } from '../store/index.ts';

const TABS: readonly { id: Panel; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'probe', label: 'Probe' },
  { id: 'generate', label: 'Generate' },
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
        ) : (
          <GeneratorSettings />
        )}
      </div>
    </aside>
  );
}
