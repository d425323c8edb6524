/**
 * Import: paste manifests, pick files or a folder, then load them, replacing the scenario or
 * adding to it. Pasted text becomes `pasted.yaml`; picked files keep their names (a folder's
 * files their relative paths). Nothing is checked here: the core reports the problems, which
 * show in the Problems list while the text stays in its tab. Drops on the window: FileDrop.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import type { ManifestFile } from '../../core/index.ts';
import { selectImportOpen, useAppStore } from '../store/index.ts';
import { FileDrop, IMPORTED_TITLE } from '../yaml/FileDrop.tsx';
import {
  dialogManifests,
  PASTED_NAME,
  dragHasFiles,
  dropSources,
  fileSource,
  readManifestFiles,
  type FileSource,
  type SkippedFile,
} from '../yaml/import-files.ts';
import './import-dialog.css';

type Mode = 'replace' | 'add';

const FOCUSABLE = 'button:not([disabled]), textarea, input:not([disabled]), [tabindex]:not([tabindex="-1"])';
const SKIPPED_SHOWN = 5;
/**
 * A paste this long is held aside rather than shown in the text box: the browser lays out every
 * line of a text box, which takes seconds for a few megabytes (the YAML pane's editor does not).
 */
export const LARGE_PASTE_CHARS = 100_000;

export function ImportDialog() {
  const open = useAppStore(selectImportOpen);
  return (
    <>
      {open ? <ImportDialogBody /> : null}
      <FileDrop />
    </>
  );
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function formatSize(text: string): string {
  const lines = countLines(text);
  return `${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'}`;
}

function ImportDialogBody() {
  const dialog = useRef<HTMLDialogElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  /** A large paste (with the box's text around it), held out of the text box. */
  const [held, setHeld] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<readonly ManifestFile[]>([]);
  const [skipped, setSkipped] = useState<readonly SkippedFile[]>([]);
  const [mode, setMode] = useState<Mode>('replace');
  const [reading, setReading] = useState(0);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  const replaceFiles = useAppStore((s) => s.replaceFiles);
  const addFiles = useAppStore((s) => s.addFiles);

  useEffect(() => {
    const element = dialog.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    if (folderInput.current) folderInput.current.webkitdirectory = true;
    textArea.current?.focus();
    return () => {
      if (element?.open) element.close();
      previous?.focus();
    };
  }, []);

  const close = () => setImportOpen(false);

  const addSources = (sources: readonly FileSource[]) => {
    if (sources.length === 0) return;
    setReading((n) => n + 1);
    void readManifestFiles(sources)
      .then((read) => {
        setPicked((prev) => {
          const names = new Set(read.files.map((f) => f.name));
          return [...prev.filter((f) => !names.has(f.name)), ...read.files];
        });
        setSkipped((prev) => [...prev, ...read.skipped]);
      })
      .finally(() => setReading((n) => n - 1));
  };

  const load = () => {
    const files = dialogManifests(picked, held ?? text);
    if (files.length === 0) return;
    if (mode === 'replace') replaceFiles(files, IMPORTED_TITLE);
    else addFiles(files);
    close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const onDragOver = (e: DragEvent<HTMLDialogElement>) => {
    if (!dragHasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (e: DragEvent<HTMLDialogElement>) => {
    if (!dragHasFiles(e.dataTransfer)) return;
    e.preventDefault(); // tells the window-level drop handler that the dialog took these files
    void dropSources(e.dataTransfer).then(addSources);
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (pasted.length < LARGE_PASTE_CHARS) return;
    e.preventDefault();
    const box = e.currentTarget;
    setHeld(text.slice(0, box.selectionStart) + pasted + text.slice(box.selectionEnd));
    setText('');
  };

  const canLoad = reading === 0 && (picked.length > 0 || (held ?? text).trim() !== '');
  const hiddenSkipped = skipped.length - SKIPPED_SHOWN;

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="import-title"
      aria-describedby="import-help"
      data-testid="import.dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClose={() => {
        // A close event queued by an earlier close (React's strict double mount) must not shut the reopened dialog.
        if (!dialog.current?.open) close();
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <header className="import-header">
        <h2 id="import-title">Import manifests</h2>
        <button type="button" className="import-close" aria-label="Close" onClick={close} data-testid="import.close">
          ×
        </button>
      </header>
      <p id="import-help" className="import-help">
        Paste Kubernetes YAML or JSON (NetworkPolicies, Pods, Deployments, Namespaces, Lists…), or choose files. Other kinds are
        listed and ignored; mistakes show in the Problems list, and your text is kept as it is.
      </p>
      <label className="import-label" htmlFor="import-text">
        Paste manifests
      </label>
      {held === undefined ? (
        <textarea
          id="import-text"
          ref={textArea}
          className="import-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPaste={onPaste}
          spellCheck={false}
          autoComplete="off"
          placeholder={'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n…'}
          data-testid="import.text"
        />
      ) : (
        <div id="import-text" className="import-held" role="status" data-testid="import.held">
          <span>
            Pasted {formatSize(held)} ({(held.length / 1_000_000).toFixed(1)} million characters): too long to show here; it opens
            in the YAML pane as <code>{PASTED_NAME}</code> when loaded.
          </span>
          <button type="button" onClick={() => setHeld(undefined)} data-testid="import.held.remove">
            Remove
          </button>
        </div>
      )}
      <div className="import-pickers">
        <label className="import-pick">
          Choose files…
          <input
            type="file"
            multiple
            accept=".yaml,.yml,.json,.flows"
            className="visually-hidden"
            data-testid="import.file"
            onChange={(e) => {
              addSources(Array.from(e.target.files ?? [], fileSource));
              e.target.value = '';
            }}
          />
        </label>
        <label className="import-pick">
          Choose a folder…
          <input
            ref={folderInput}
            type="file"
            multiple
            className="visually-hidden"
            data-testid="import.folder"
            onChange={(e) => {
              addSources(Array.from(e.target.files ?? [], fileSource));
              e.target.value = '';
            }}
          />
        </label>
        <span className="import-drop-hint">or drop files or a folder here</span>
      </div>
      {picked.length > 0 || reading > 0 ? (
        <ul className="import-picked" aria-label="Chosen files" data-testid="import.picked">
          {picked.map((file) => (
            <li key={file.name} data-file={file.name}>
              <span className="import-picked-name">{file.name}</span>
              <span className="import-picked-size">{formatSize(file.text)}</span>
              <button
                type="button"
                className="import-picked-remove"
                aria-label={`Remove ${file.name}`}
                onClick={() => setPicked((prev) => prev.filter((f) => f.name !== file.name))}
              >
                ×
              </button>
            </li>
          ))}
          {reading > 0 ? <li className="import-reading">Reading…</li> : null}
        </ul>
      ) : null}
      {skipped.length > 0 ? (
        <div className="import-skipped" role="status" data-testid="import.skipped">
          Skipped {skipped.length} file{skipped.length === 1 ? '' : 's'}:
          <ul>
            {skipped.slice(0, SKIPPED_SHOWN).map((s, i) => (
              <li key={`${s.name}:${i}`}>
                {s.name}: {s.reason}
              </li>
            ))}
            {hiddenSkipped > 0 ? <li>and {hiddenSkipped} more</li> : null}
          </ul>
        </div>
      ) : null}
      <fieldset className="import-mode">
        <legend>When loading</legend>
        <label>
          <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} data-testid="import.mode.replace" />
          Replace the current scenario
        </label>
        <label>
          <input type="radio" name="import-mode" value="add" checked={mode === 'add'} onChange={() => setMode('add')} data-testid="import.mode.add" />
          Add to it
        </label>
      </fieldset>
      <footer className="import-actions">
        <button type="button" onClick={close} data-testid="import.cancel">
          Cancel
        </button>
        <button type="button" className="primary" disabled={!canLoad} onClick={load} data-testid="import.apply">
          Load
        </button>
      </footer>
    </dialog>
  );
}
