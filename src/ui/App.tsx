/**
 * The editor's layout: top bar; YAML pane and problems on the left; the canvas in the middle;
 * inspector, matrix and probe on the right. Panels resize; everything reads the one store.
 */
import { useEffect, useState } from 'react';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';
import { ImportDialog } from './panels/ImportDialog.tsx';
import { PanelBoundary } from './shell/PanelBoundary.tsx';
import { SidePanel } from './shell/SidePanel.tsx';
import { Splitter } from './shell/Splitter.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { installUndoKeys } from './shell/undo-keys.ts';
import { installStoreAutomation } from './automation.ts';
import { appStore } from './store/index.ts';
import { YamlPane } from './yaml/YamlPane.tsx';

export function App() {
  const [yamlWidth, setYamlWidth] = useState(420);
  const [sideWidth, setSideWidth] = useState(380);
  useEffect(() => installStoreAutomation(appStore), []);
  useEffect(() => installUndoKeys(appStore.history), []);

  return (
    <div className="app" style={{ gridTemplateColumns: `${yamlWidth}px 6px minmax(320px, 1fr) 6px ${sideWidth}px` }}>
      <TopBar />
      <section className="yaml-column" aria-label="YAML">
        <PanelBoundary name="yaml">
          <YamlPane />
        </PanelBoundary>
      </section>
      <Splitter label="Resize the YAML pane" size={yamlWidth} min={240} max={900} direction={1} onResize={setYamlWidth} />
      <section className="canvas-column" aria-label="Canvas">
        <PanelBoundary name="canvas">
          <FlowCanvas />
        </PanelBoundary>
      </section>
      <Splitter label="Resize the side panel" size={sideWidth} min={280} max={800} direction={-1} onResize={setSideWidth} />
      <PanelBoundary name="side" className="side-panel">
        <SidePanel />
      </PanelBoundary>
      <ImportDialog />
    </div>
  );
}
