/**
 * What opening a share link says: an error notice when the link could not be read (the app is
 * otherwise as it was), the question before a shared workspace replaces the user's own work, and
 * a short note once a shared workspace is open.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ConfirmDialog } from '../shell/ConfirmDialog.tsx';
import { appStore } from '../store/index.ts';
import { applySharedWorkspace, installShareLinkListener } from './open-link.ts';
import { selectShareError, selectShareOpened, selectSharePending, shareStatus } from './share-status.ts';
import './share.css';

const selectCurrentTitle = () => appStore.getState().title;

export function ShareNotices() {
  const error = useStore(shareStatus, selectShareError);
  const pending = useStore(shareStatus, selectSharePending);
  const opened = useStore(shareStatus, selectShareOpened);
  useEffect(() => installShareLinkListener(appStore), []);

  return (
    <>
      {error ? (
        <div className="share-notice share-notice-error" role="alert" data-testid="share.error">
          <span>
            <strong>The shared link could not be opened.</strong> {error.message} Your own work is unchanged.
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => shareStatus.setState({ error: undefined })} data-testid="share.error.dismiss">
            ×
          </button>
        </div>
      ) : null}
      {opened ? (
        <div className="share-notice" role="status" data-testid="share.opened">
          <span>
            Opened the shared workspace “{opened}”. It is your copy: edits stay in this browser.
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => shareStatus.setState({ opened: undefined })} data-testid="share.opened.dismiss">
            ×
          </button>
        </div>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title="Open the shared workspace?"
          message={`The link holds “${pending.title}” (${pending.files.length} file${pending.files.length === 1 ? '' : 's'}). Opening it replaces your current work “${selectCurrentTitle()}”; Undo brings your work back. Keep your work to ignore the link.`}
          confirmLabel="Open the shared workspace"
          cancelLabel="Keep my work"
          onConfirm={() => applySharedWorkspace(appStore, pending)}
          onCancel={() => shareStatus.setState({ pending: undefined })}
        />
      ) : null}
    </>
  );
}
