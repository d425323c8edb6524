/**
 * Share: a link that holds the whole workspace (files, title, layout, guided step) in its
 * fragment. Nothing is uploaded; the dialog shows the link, copies it, gives its length and warns
 * when it is long enough for chat tools or browsers to cut it.
 */
import { useId, useMemo, useState } from 'react';
import { copyText } from '../shell/clipboard.ts';
import { Modal } from '../shell/Modal.tsx';
import { appStore } from '../store/index.ts';
import { LONG_LINK_CHARS } from './limits.ts';
import { buildShareLink, pageAddress } from './share-link.ts';
import './share.css';

export function ShareDialog({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  // The workspace as it is when the dialog opens (the dialog is modal: it cannot change meanwhile).
  const link = useMemo(() => buildShareLink(appStore.getState(), pageAddress()), []);
  const [status, setStatus] = useState('');

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-help`} className="share-dialog" testId="share.dialog" onClose={onClose}>
      <header className="shell-dialog-header">
        <h2 id={`${id}-title`} className="shell-dialog-title">
          Share a link
        </h2>
        <button type="button" className="shell-dialog-close" aria-label="Close" onClick={onClose} data-testid="share.close">
          ×
        </button>
      </header>
      <p id={`${id}-help`} className="shell-dialog-text">
        The link holds the whole workspace: every file, the title, the layout of the canvas and the guided step.
        Whoever opens it gets a copy to edit. Nothing is uploaded: the workspace is packed into the part after the{' '}
        <code>#</code>, which browsers never send to a server.
      </p>
      {link.ok ? (
        <>
          <label className="share-link-label" htmlFor={`${id}-link`}>
            Link
          </label>
          <textarea
            id={`${id}-link`}
            className="share-link"
            readOnly
            spellCheck={false}
            rows={4}
            value={link.url}
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share.link"
          />
          <p className="share-length" data-testid="share.length">
            {link.url.length.toLocaleString('en')} characters
          </p>
          {link.url.length > LONG_LINK_CHARS ? (
            <p className="shell-dialog-note" role="note" data-testid="share.long">
              This link is long ({link.url.length.toLocaleString('en')} characters). Chat tools, mail clients and some
              browsers cut links past about {LONG_LINK_CHARS.toLocaleString('en')} characters, and a cut link does not
              open. If it does not arrive whole, send the files with Export… instead.
            </p>
          ) : null}
          {link.renamed.length > 0 ? (
            <p className="shell-dialog-note" role="note" data-testid="share.renamed">
              In the link, {link.renamed.length === 1 ? 'one file is' : `${link.renamed.length} files are`} renamed
              (names with characters a link cannot carry):{' '}
              {link.renamed
                .slice(0, 5)
                .map((r) => `${r.from} → ${r.to}`)
                .join(', ')}
              {link.renamed.length > 5 ? ', …' : ''}.
            </p>
          ) : null}
        </>
      ) : (
        <p className="shell-dialog-note" role="alert" data-testid="share.problem">
          {link.error.message}
        </p>
      )}
      <div className="shell-dialog-buttons">
        <span className="export-status" role="status" aria-live="polite" data-testid="share.status">
          {status}
        </span>
        <button
          type="button"
          disabled={!link.ok}
          onClick={() => {
            if (!link.ok) return;
            void copyText(link.url).then((ok) =>
              setStatus(ok ? 'Link copied to the clipboard.' : 'Could not copy: select the link above and copy it by hand.'),
            );
          }}
          data-testid="share.copy"
        >
          Copy link
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
