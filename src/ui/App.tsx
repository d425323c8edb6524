/**
 * The editor's layout: top bar; YAML pane and problems on the left; the canvas in the middle;
 * inspector, matrix and probe on the right. Panels resize; everything reads the one store.
 */
import { useEffect, useState } from 'react';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';
import { Gallery } from './gallery/Gallery.tsx';
import { GuideBar } from './guide/GuideBar.tsx';
import { installGuideKeys } from './guide/guide-keys.ts';
import { ImportDialog } from './panels/ImportDialog.tsx';
import { ShareNotices } from './share/ShareNotices.tsx';
import { PanelBoundary } from './shell/PanelBoundary.tsx';
import { SidePanel } from './shell/SidePanel.tsx';
import { Splitter } from './shell/Splitter.tsx';
import { TopBar } from './shell/TopBar.tsx';
import { installUndoKeys } from './shell/undo-keys.ts';
import { installStoreAutomation } from './automation.ts';
import { appStore, selectGuide, selectPresentation, useAppStore } from './store/index.ts';
import { AnalysisProgress } from './worker/AnalysisProgress.tsx';
import { YamlPane } from './yaml/YamlPane.tsx';

export function App() {
  const [yamlWidth, setYamlWidth] = useState(420);
  const [sideWidth, setSideWidth] = useState(380);
  useEffect(() => installStoreAutomation(appStore), []);
  useEffect(() => installUndoKeys(appStore.history), []);
  useEffect(() => installGuideKeys(appStore), []);
  // Presentation mode (guide/guide.css) hides the YAML pane and the side panel: the canvas takes the width.
  const presenting = useAppStore(selectPresentation);
  const guiding = useAppStore(selectGuide) !== undefined;
  // Presenting a lesson: the guide becomes a column beside the canvas, so the drawing keeps the full height.
  const presentColumns = guiding ? 'minmax(0, 1fr) minmax(380px, 36vw)' : 'minmax(0, 1fr)';

  return (
    <div
      className={presenting ? 'app is-presenting' : 'app'}
      style={{ gridTemplateColumns: presenting ? presentColumns : `${yamlWidth}px 6px minmax(320px, 1fr) 6px ${sideWidth}px` }}
    >
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
      <PanelBoundary name="guide" className="guide-bar">
        <GuideBar />
      </PanelBoundary>
      <ImportDialog />
      <PanelBoundary name="gallery" className="guide-bar">
        <Gallery />
      </PanelBoundary>
      <ShareNotices />
      <AnalysisProgress />
    </div>
  );
}
