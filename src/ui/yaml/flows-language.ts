/**
 * The editor for `.flows` files (expected flows, not YAML): light highlighting of comments, the
 * arrow, the protocol and the verdict, and wrapped lines (a flow is one long line, read whole).
 * Marks only; the text is never rewritten.
 */
import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const FLOWS_TOKENS = /(?<=^|\s)#.*|->|\b(?:allowed|denied)\b|\b(?:TCP|UDP|SCTP)\b/gi;

function classOf(token: string): string {
  if (token.startsWith('#')) return 'cm-flows-comment';
  if (token === '->') return 'cm-flows-arrow';
  const lower = token.toLowerCase();
  if (lower === 'allowed') return 'cm-flows-allowed';
  if (lower === 'denied') return 'cm-flows-denied';
  return 'cm-flows-protocol';
}

const decorator = new MatchDecorator({
  regexp: FLOWS_TOKENS,
  decoration: (match) => Decoration.mark({ class: classOf(match[0]) }),
});

const flowsMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorator.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = decorator.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const flowsTheme = EditorView.theme({
  '.cm-flows-comment': { color: '#6a737d', fontStyle: 'italic' },
  '.cm-flows-arrow': { color: '#8250df', fontWeight: '600' },
  '.cm-flows-protocol': { color: '#0550ae' },
  '.cm-flows-allowed': { color: '#1a7f37', fontWeight: '600' },
  '.cm-flows-denied': { color: '#b42318', fontWeight: '600' },
});

export const flowsLanguage = [flowsMarks, flowsTheme, EditorView.lineWrapping];
