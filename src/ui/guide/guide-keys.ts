/**
 * Keys of guided mode and presentation mode, wherever the focus is except where typing happens
 * (YAML editor, text fields, selects) or a dialog is open: ← / → step back and forward through a
 * lesson (never past its end), P toggles presentation mode, Escape leaves it. Arrow keys on a focused canvas node or
 * flow are left to the canvas.
 */
import type { AppStore } from '../store/index.ts';
import { goBack, goNext, nextAction } from './guide-nav.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, textarea, select, [contenteditable="true"], .cm-editor, .draw-popover'));
}

function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export type GuideKey = 'back' | 'next' | 'present' | 'leave-presentation';

/** What a key press asks of guided or presentation mode, if anything. */
export function guideKeyOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): GuideKey | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === 'ArrowLeft' && !e.shiftKey) return 'back';
  if (e.key === 'ArrowRight' && !e.shiftKey) return 'next';
  if (e.key === 'p' || e.key === 'P') return 'present';
  if (e.key === 'Escape') return 'leave-presentation';
  return undefined;
}

/** Listens on the window; returns the function that stops listening. */
export function installGuideKeys(store: AppStore): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const key = guideKeyOf(e);
    if (!key || isTyping(e.target) || dialogOpen()) return;
    const state = store.getState();
    if (key === 'present') state.setPresentation(!state.presentation);
    else if (key === 'leave-presentation') {
      if (!state.presentation) return;
      state.setPresentation(false);
    } else {
      if (!state.guide) return;
      if (e.target instanceof Element && e.target.closest('.react-flow__node, .react-flow__edge')) return;
      if (key === 'back') goBack(state);
      else if (nextAction(state) === 'finish') return; // leaving the lesson takes the button, not a stray key
      else goNext(state);
    }
    e.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
