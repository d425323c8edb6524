/**
 * Files or folders dropped anywhere on the window are imported: they replace the scenario, or are
 * added to it when Shift is held. While the Import dialog is open, it takes drops itself.
 */
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../store/index.ts';
import { dragHasFiles, dropSources, readManifestFiles, type ReadFiles } from './import-files.ts';

export const IMPORTED_TITLE = 'Imported manifests';
const NOTICE_MS = 6000;

/** What a finished import says to the user (undefined: nothing worth saying). */
export function importNotice(read: ReadFiles): string | undefined {
  const skipped = read.skipped.length;
  if (read.files.length === 0) {
    return skipped === 0 ? 'Nothing to import: no files were dropped.' : `Nothing imported: none of the ${skipped} dropped files is a .yaml, .yml, .json or .flows file.`;
  }
  if (skipped === 0) return undefined;
  const first = read.skipped[0];
  const example = first ? ` (${first.name}: ${first.reason}${skipped > 1 ? ', …' : ''})` : '';
  return `Imported ${read.files.length} file${read.files.length === 1 ? '' : 's'}; skipped ${skipped}${example}.`;
}

export function FileDrop() {
  const [dragging, setDragging] = useState<{ readonly add: boolean } | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let depth = 0;
    const say = (text: string | undefined) => {
      clearTimeout(noticeTimer.current);
      setNotice(text);
      if (text) noticeTimer.current = setTimeout(() => setNotice(undefined), NOTICE_MS);
    };
    const onEnter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer) || appStore.getState().importOpen) return;
      depth++;
      setDragging({ add: e.shiftKey });
    };
    const onOver = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault(); // without this the browser would open the file instead of dropping it here
      if (appStore.getState().importOpen) return;
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging((prev) => (prev?.add === e.shiftKey ? prev : { add: e.shiftKey }));
    };
    const onLeave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(null);
    };
    const onEnd = () => {
      depth = 0;
      setDragging(null);
    };
    const onDrop = (e: DragEvent) => {
      const handled = e.defaultPrevented; // the Import dialog took it
      onEnd();
      if (!e.dataTransfer || !dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (handled || appStore.getState().importOpen) return;
      const add = e.shiftKey;
      dropSources(e.dataTransfer)
        .then(readManifestFiles)
        .then((read) => {
          say(importNotice(read));
          if (read.files.length === 0) return;
          const store = appStore.getState();
          if (add) store.addFiles(read.files);
          else store.replaceFiles(read.files, IMPORTED_TITLE);
        })
        .catch((error: unknown) => say(`Could not read the dropped files: ${error instanceof Error ? error.message : String(error)}`));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragend', onEnd);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragend', onEnd);
      window.removeEventListener('drop', onDrop);
      clearTimeout(noticeTimer.current);
    };
  }, []);

  return (
    <>
      {dragging ? (
        <div className="file-drop-overlay" data-testid="import.drop" data-mode={dragging.add ? 'add' : 'replace'}>
          <div className="file-drop-message">
            <strong>{dragging.add ? 'Drop to add these files to the scenario' : 'Drop to replace the scenario'}</strong>
            <span>
              {dragging.add ? 'Release Shift to replace it instead.' : 'Hold Shift to add to it instead.'} Only .yaml, .yml, .json
              and .flows files are read; folders are read with their subfolders.
            </span>
          </div>
        </div>
      ) : null}
      {notice ? (
        <div className="file-drop-notice" role="status" data-testid="import.notice">
          {notice}
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(undefined)}>
            ×
          </button>
        </div>
      ) : null}
    </>
  );
}
