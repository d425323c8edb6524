/**
 * Export: the workspace's YAML, all of it or one namespace's documents, as a download, on the
 * clipboard, or inside a ready `kubectl apply -f -` command. The text is the user's, as typed;
 * the namespace of each document comes from the last analysis.
 */
import { useId, useMemo, useState } from 'react';
import { selectAnalysis, selectFiles, selectStale, selectTitle, useAppStore } from '../store/index.ts';
import { copyText, downloadText } from './clipboard.ts';
import { exportAll, exportFileName, kubectlApplySnippet, splitByNamespace } from './export-yaml.ts';
import { Modal } from './Modal.tsx';
import { ImageExport } from '../export-image/ImageExport.tsx';

const ALL = '';

export function ExportDialog({ onClose }: { readonly onClose: () => void }) {
  const id = useId();
  const files = useAppStore(selectFiles);
  const analysis = useAppStore(selectAnalysis);
  const stale = useAppStore(selectStale);
  const title = useAppStore(selectTitle);
  const [scope, setScope] = useState(ALL);
  const [status, setStatus] = useState('');

  // Namespaces are read from the analysed text (the sources point into it); none while it is broken.
  const namespaces = useMemo(
    () => (analysis && !stale ? splitByNamespace(analysis.files, analysis.model) : []),
    [analysis, stale],
  );
  const chosen = namespaces.find((n) => n.namespace === scope);
  const yaml = chosen ? chosen.yaml : exportAll(files);
  const snippet = kubectlApplySnippet(yaml);
  const fileName = exportFileName(title, chosen?.namespace);
  const empty = yaml.trim() === '';

  const copy = (text: string, what: string) => {
    void copyText(text).then((ok) =>
      setStatus(ok ? `${what} copied to the clipboard.` : `Could not copy: select the text below and copy it by hand.`),
    );
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-help`} className="export-dialog" testId="export.dialog" onClose={onClose}>
      <header className="shell-dialog-header">
        <h2 id={`${id}-title`} className="shell-dialog-title">
          Export
        </h2>
        <button type="button" className="shell-dialog-close" aria-label="Close" onClick={onClose} data-testid="export.close">
          ×
        </button>
      </header>
      <p id={`${id}-help`} className="shell-dialog-text">
        The manifests exactly as written, all of them or the documents of one namespace (a document that names no
        namespace is in <code>default</code>).
      </p>
      <label className="export-scope">
        <span>What to export</span>
        <select value={chosen ? scope : ALL} onChange={(e) => setScope(e.target.value)} data-testid="export.scope">
          <option value={ALL}>
            Everything ({files.length} file{files.length === 1 ? '' : 's'})
          </option>
          {namespaces.map((n) => (
            <option key={n.namespace} value={n.namespace}>
              Namespace {n.namespace} ({n.documents} document{n.documents === 1 ? '' : 's'})
            </option>
          ))}
        </select>
      </label>
      {stale ? (
        <p className="shell-dialog-note" role="note">
          The YAML has errors: fix them to export one namespace.
        </p>
      ) : null}
      <div className="shell-dialog-actions">
        <button
          type="button"
          disabled={empty}
          onClick={() => {
            downloadText(yaml, fileName);
            setStatus(`Downloaded ${fileName}.`);
          }}
          data-testid="export.download"
        >
          Download {fileName}
        </button>
        <button type="button" disabled={empty} onClick={() => copy(yaml, 'YAML')} data-testid="export.copy">
          Copy YAML
        </button>
      </div>
      <label className="export-snippet-label" htmlFor={`${id}-snippet`}>
        Apply it to a cluster
      </label>
      <textarea
        id={`${id}-snippet`}
        className="export-snippet"
        readOnly
        spellCheck={false}
        value={snippet}
        rows={12}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="export.snippet"
      />
      <ImageExport title={title} />
      <div className="shell-dialog-buttons">
        <span className="export-status" role="status" aria-live="polite" data-testid="export.status">
          {status}
        </span>
        <button type="button" disabled={empty} onClick={() => copy(snippet, 'Command')} data-testid="export.copy-snippet">
          Copy command
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
