/**
 * A short-lived highlight of the lines the YAML pane was asked to reveal (from the canvas or the
 * inspector). The CSS animation fades it; the decoration is removed once the fade is over.
 */
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export const FLASH_MS = 2000;

/** Highlight lines `fromLine`..`toLine` (1-based), or clear the highlight (null). */
export const flashLines = StateEffect.define<{ readonly fromLine: number; readonly toLine: number } | null>();

const flashLine = Decoration.line({ class: 'cm-reveal-flash' });

export const revealFlash = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(flashLines)) continue;
      if (effect.value === null) {
        next = Decoration.none;
        continue;
      }
      const doc = tr.state.doc;
      const first = Math.min(Math.max(1, effect.value.fromLine), doc.lines);
      const last = Math.min(Math.max(first, effect.value.toLine), doc.lines);
      const ranges: Range<Decoration>[] = [];
      for (let n = first; n <= last; n++) ranges.push(flashLine.range(doc.line(n).from));
      next = Decoration.set(ranges);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
