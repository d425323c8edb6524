import './shell.css';
import { useState } from 'react';
import { useStore } from 'zustand';
import { autosaveStatus } from '../store/autosave.ts';
import { appStore, selectPresentation, selectShowAllDenied, selectStale, selectTitle, useAppStore } from '../store/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { hasWork, startNewWorkspace } from './workspace-actions.ts';

type Dialog = 'new' | 'export' | 'share' | undefined;

const selectCanUndo = (s: { pastStates: readonly unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: readonly unknown[] }) => s.futureStates.length > 0;
const selectNotice = (s: { notice: string | undefined }) => s.notice;

export function TopBar() {
  const title = useAppStore(selectTitle);
  const stale = useAppStore(selectStale);
  const showAllDenied = useAppStore(selectShowAllDenied);
  const setShowAllDenied = useAppStore((s) => s.setShowAllDenied);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  const presenting = useAppStore(selectPresentation);
  const canUndo = useStore(appStore.temporal, selectCanUndo);
  const canRedo = useStore(appStore.temporal, selectCanRedo);
  const notice = useStore(autosaveStatus, selectNotice);
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const close = () => setDialog(undefined);

  const askNew = () => {
    if (hasWork(appStore)) setDialog('new');
    else startNewWorkspace(appStore);
  };

  return (
    <header className="topbar">
      <span className="brand">netpol-canvas</span>
      <h1 className="scenario-title" data-testid="scenario.title">
        {title}
      </h1>
      {stale ? (
        <span className="stale-badge" role="status" data-testid="stale">
          YAML has errors: showing the last state that parsed
        </span>
      ) : null}
      {notice ? (
        <span className="autosave-notice" role="status" title={notice} data-testid="autosave.notice">
          Autosave off
          <span className="shell-visually-hidden">: {notice}</span>
        </span>
      ) : null}
      <span className="spacer" />
      <button type="button" onClick={() => appStore.getState().openGallery()} title="Lessons, examples, recipes and classic mistakes" data-testid="file.gallery">
        Gallery
      </button>
      <button
        type="button"
        className="present-toggle"
        aria-pressed={presenting}
        onClick={() => appStore.getState().setPresentation(!presenting)}
        title="Presentation mode: canvas and lesson only, in large type (P; Esc leaves)"
        data-testid="view.present"
      >
        Present
      </button>
      <label className="toggle">
        <input type="checkbox" checked={showAllDenied} onChange={(e) => setShowAllDenied(e.target.checked)} data-testid="toggle.denied" />
        Show all denied flows
      </label>
      <div className="topbar-group" role="group" aria-label="History">
        <button type="button" disabled={!canUndo} onClick={() => appStore.history.undo()} title="Undo (Ctrl+Z)" data-testid="history.undo">
          Undo
        </button>
        <button type="button" disabled={!canRedo} onClick={() => appStore.history.redo()} title="Redo (Ctrl+Shift+Z)" data-testid="history.redo">
          Redo
        </button>
      </div>
      <div className="topbar-group" role="group" aria-label="File">
        <button type="button" onClick={askNew} title="Start an empty workspace" data-testid="file.new">
          New
        </button>
        <button type="button" onClick={() => setImportOpen(true)} data-testid="import.open">
          Import…
        </button>
        <button type="button" onClick={() => setDialog('export')} data-testid="file.export">
          Export…
        </button>
        <button type="button" onClick={() => setDialog('share')} title="A link that holds the whole workspace" data-testid="file.share">
          Share…
        </button>
      </div>
      {dialog === 'new' ? (
        <ConfirmDialog
          title="Discard the current work?"
          message="New starts an empty workspace. The current manifests and layout are replaced (Undo brings them back)."
          confirmLabel="Discard and start new"
          onConfirm={() => {
            startNewWorkspace(appStore);
            close();
          }}
          onCancel={close}
        />
      ) : null}
      {dialog === 'export' ? <ExportDialog onClose={close} /> : null}
      {dialog === 'share' ? <ShareDialog onClose={close} /> : null}
    </header>
  );
}
