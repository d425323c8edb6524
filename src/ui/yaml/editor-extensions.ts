/**
 * The YAML editor's CodeMirror setup, shared by every file's EditorState: basic editing, YAML
 * highlighting, lint markers (fed from the core's issues, see diagnostics.ts) and the reveal flash.
 */
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter } from '@codemirror/lint';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { EditorView, placeholder, type ViewUpdate } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { flowsLanguage } from './flows-language.ts';
import { revealFlash } from './reveal-flash.ts';

/** Marks transactions that bring the editor up to date with the store (not typed by the user). */
export const fromStore = Annotation.define<boolean>();

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: 'var(--panel)' },
  '.cm-scroller': {
    overflow: 'auto',
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    lineHeight: '1.5',
  },
  '.cm-gutters': { backgroundColor: '#f3f5f8', borderRight: '1px solid var(--border)' },
  '.cm-reveal-flash': { animation: `cm-reveal-flash 2s ease-out forwards` },
});

/**
 * Above this many characters a YAML file is edited as plain text (no syntax highlighting or
 * folding): parsing a file of megabytes costs the page half a second while a large cluster is
 * drawn. Everything else (editing, search, undo, problem markers) stays.
 */
export const PLAIN_ABOVE_CHARS = 1_000_000;

/**
 * Extensions of an editable file; `onUpdate` receives every view update. A `.flows` file
 * (expected flows, plain lines) gets its own highlighting instead of the YAML language; a very
 * large YAML file (`large-yaml`, see PLAIN_ABOVE_CHARS) none.
 */
export function editorExtensions(onUpdate: (update: ViewUpdate) => void, language: 'yaml' | 'large-yaml' | 'flows' = 'yaml'): Extension {
  return [
    basicSetup,
    language === 'yaml' ? yaml() : language === 'flows' ? flowsLanguage : [],
    lintGutter(),
    revealFlash,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': language === 'flows' ? 'Expected flows' : 'YAML manifest' }),
    EditorView.updateListener.of(onUpdate),
  ];
}

/** Extra extensions for the empty, read-only editor shown when there is no file. */
export const emptyWorkspace: Extension = [
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  placeholder('No manifests yet: use Import… or drop YAML files on the window.'),
];
