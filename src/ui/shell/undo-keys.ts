/**
 * Ctrl+Z undoes a change of the document, Ctrl+Shift+Z and Ctrl+Y redo it (Cmd on macOS),
 * wherever the focus is, except where the focused element has its own undo: the YAML editor
 * (CodeMirror keeps a history per file) and text fields. Dialogs are left alone too.
 */
import type { DocumentHistory } from '../store/index.ts';

export type HistoryKey = 'undo' | 'redo';

/** Which history command a key press asks for, if any. */
export function historyKeyOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): HistoryKey | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}

function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.cm-editor, dialog, [contenteditable="true"]')) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/** Listens on the window; returns the function that stops listening. */
export function installUndoKeys(history: DocumentHistory): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const command = historyKeyOf(e);
    if (!command || hasOwnUndo(e.target)) return;
    e.preventDefault();
    if (command === 'undo') history.undo();
    else history.redo();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
