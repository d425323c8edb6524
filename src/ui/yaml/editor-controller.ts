/**
 * Binds one CodeMirror view to the store: one EditorState per workspace file (so each keeps its
 * undo history and scroll position), typing goes to the store as is, the store's issues come
 * back as lint diagnostics, `yamlTarget` moves the cursor, and the cursor in a NetworkPolicy
 * selects that policy. Plain TypeScript: the React component only creates and destroys it.
 */
import { setDiagnostics } from '@codemirror/lint';
import { EditorState, Transaction, type StateEffect } from '@codemirror/state';
import { EditorView, type ViewUpdate } from '@codemirror/view';
import { isFlowsFile } from '../../core/index.ts';
import type { AppState, AppStore, YamlTarget } from '../store/index.ts';
import { issuesToDiagnostics } from './diagnostics.ts';
import { combineWithLint, selectLint } from './lint-problems.ts';
import { editorExtensions, emptyWorkspace, fromStore, PLAIN_ABOVE_CHARS } from './editor-extensions.ts';
import { policyAtLine } from './policy-at-cursor.ts';
import { lineEndOf, offsetOf } from './positions.ts';
import { FLASH_MS, flashLines } from './reveal-flash.ts';
import { minimalChange } from './text-change.ts';

/** Pause after the cursor stops moving before the policy under it is selected. */
export const CURSOR_SELECT_DELAY_MS = 200;

interface SavedEditor {
  readonly state: EditorState;
  readonly scroll: StateEffect<unknown> | undefined;
}

/**
 * What outlives one controller (React may unmount and mount the pane again): the states of the
 * files not shown, and the listener every state's extensions call.
 */
export interface EditorMemory {
  generation: number;
  readonly saved: Map<string, SavedEditor>;
  onUpdate: (update: ViewUpdate) => void;
  readonly extensions: ReturnType<typeof editorExtensions>;
  /** The same, for `.flows` files. */
  readonly flowsExtensions: ReturnType<typeof editorExtensions>;
  /** The same, for YAML files too large to highlight (PLAIN_ABOVE_CHARS). */
  readonly largeExtensions: ReturnType<typeof editorExtensions>;
}

export function createEditorMemory(): EditorMemory {
  const memory: EditorMemory = {
    generation: -1,
    saved: new Map(),
    onUpdate: () => {},
    extensions: editorExtensions((update) => memory.onUpdate(update)),
    flowsExtensions: editorExtensions((update) => memory.onUpdate(update), 'flows'),
    largeExtensions: editorExtensions((update) => memory.onUpdate(update), 'large-yaml'),
  };
  return memory;
}

function fileText(state: AppState, name: string): string | undefined {
  return state.files.find((f) => f.name === name)?.text;
}

export class YamlEditorController {
  private readonly view: EditorView;
  private file: string;
  private readonly unsubscribe: () => void;
  private policyTimer: ReturnType<typeof setTimeout> | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private pointerPending = false;
  private cursorPolicy: string | undefined;
  private readonly withLint = combineWithLint();

  constructor(
    private readonly host: HTMLElement,
    private readonly store: AppStore,
    private readonly memory: EditorMemory,
  ) {
    const state = store.getState();
    if (memory.generation !== state.generation) {
      memory.saved.clear();
      memory.generation = state.generation;
    }
    memory.onUpdate = (update) => this.onUpdate(update);
    this.file = state.activeFile;
    const opened = this.open(this.file);
    this.view = new EditorView({ state: opened.state, parent: host });
    if (opened.scroll) this.view.dispatch({ effects: opened.scroll });
    this.showFile();
    this.unsubscribe = store.subscribe((next, prev) => this.onStore(next, prev));
  }

  destroy(): void {
    this.unsubscribe();
    clearTimeout(this.policyTimer);
    clearTimeout(this.flashTimer);
    this.save();
    this.memory.onUpdate = () => {};
    this.view.destroy();
  }

  /** Show a file's position (from the Problems list): switch to it, move the cursor there, focus. */
  goTo(file: string, line: number, column: number): void {
    if (file !== this.file) this.store.getState().setActiveFile(file);
    if (file !== this.file) return; // the file does not exist
    const pos = offsetOf(this.view.state.doc, line, column);
    this.view.dispatch({
      selection: { anchor: pos },
      effects: EditorView.scrollIntoView(pos, { y: 'center' }),
      userEvent: 'select.problem',
    });
    this.view.focus();
  }

  focus(): void {
    this.view.focus();
  }

  // --- store → editor -------------------------------------------------------------------

  private onStore(next: AppState, prev: AppState): void {
    let showIssues = next.issues !== prev.issues || selectLint(next) !== selectLint(prev);
    if (next.generation !== prev.generation) {
      this.memory.saved.clear();
      this.memory.generation = next.generation;
      this.replaceView(next.activeFile, false);
      showIssues = true;
    } else if (next.activeFile !== this.file) {
      this.replaceView(next.activeFile, true);
      showIssues = true;
    } else if (next.files !== prev.files) {
      this.syncText(next);
    }
    if (showIssues) this.showIssues();
    if (next.yamlTarget && next.yamlTarget !== prev.yamlTarget && next.yamlTarget.file === this.file) {
      this.reveal(next.yamlTarget);
    }
  }

  /** The state of a file: the saved one (brought up to date with the store) or a new one. */
  private open(file: string): SavedEditor {
    const text = fileText(this.store.getState(), file);
    const saved = this.memory.saved.get(file);
    this.memory.saved.delete(file);
    if (text === undefined) {
      return { state: EditorState.create({ doc: '', extensions: [this.memory.extensions, emptyWorkspace] }), scroll: undefined };
    }
    if (!saved) {
      const extensions = isFlowsFile(file)
        ? this.memory.flowsExtensions
        : text.length > PLAIN_ABOVE_CHARS
          ? this.memory.largeExtensions
          : this.memory.extensions;
      return { state: EditorState.create({ doc: text, extensions }), scroll: undefined };
    }
    const change = minimalChange(saved.state.doc.toString(), text);
    if (!change) return saved;
    return { state: saved.state.update({ changes: change, annotations: fromStore.of(true) }).state, scroll: saved.scroll };
  }

  /** Keep the shown file's state for later (without a reveal highlight that would replay). */
  private save(): void {
    if (fileText(this.store.getState(), this.file) === undefined) return;
    const state = this.view.state.update({ effects: flashLines.of(null) }).state;
    this.memory.saved.set(this.file, { state, scroll: this.view.scrollSnapshot() });
  }

  private replaceView(file: string, keepCurrent: boolean): void {
    if (keepCurrent) this.save();
    this.file = file;
    this.cursorPolicy = undefined;
    const opened = this.open(file);
    this.view.setState(opened.state);
    // A file seen before gets its scroll position back; a new one starts at the top.
    this.view.dispatch({ effects: opened.scroll ?? EditorView.scrollIntoView(0, { y: 'start' }) });
    this.showFile();
  }

  /** Text changed in the store by something other than typing here (e.g. generated YAML). */
  private syncText(state: AppState): void {
    const text = fileText(state, this.file);
    if (text === undefined) return;
    const change = minimalChange(this.view.state.doc.toString(), text);
    if (change) this.view.dispatch({ changes: change, annotations: fromStore.of(true) });
  }

  private showIssues(): void {
    const state = this.store.getState();
    const diagnostics = issuesToDiagnostics(this.view.state.doc, this.withLint(state.issues, selectLint(state)), this.file);
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  private showFile(): void {
    this.host.dataset['file'] = this.file;
    this.showIssues();
    this.showCursor(this.view.state);
  }

  private reveal(target: YamlTarget): void {
    const doc = this.view.state.doc;
    const from = offsetOf(doc, target.line, target.column);
    const firstLine = doc.lineAt(from).number;
    const lastLine = Math.max(firstLine, Math.min(target.endLine ?? firstLine, doc.lines));
    const fits = (lastLine - firstLine + 1) * this.view.defaultLineHeight < this.view.scrollDOM.clientHeight * 0.8;
    const middle = Math.round((firstLine + lastLine) / 2);
    const scrollTo = fits ? lineEndOf(doc, middle) : from;
    this.view.dispatch({
      selection: { anchor: from },
      effects: [
        EditorView.scrollIntoView(scrollTo, { y: fits ? 'center' : 'start', yMargin: 24 }),
        flashLines.of({ fromLine: firstLine, toLine: lastLine }),
      ],
    });
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.view.dispatch({ effects: flashLines.of(null) }), FLASH_MS);
  }

  // --- editor → store -------------------------------------------------------------------

  private onUpdate(update: ViewUpdate): void {
    if (update.docChanged && update.transactions.some((tr) => tr.docChanged && !tr.annotation(fromStore))) {
      if (fileText(this.store.getState(), this.file) !== undefined) {
        this.store.getState().setFileText(this.file, update.state.doc.toString());
      }
    }
    if (update.selectionSet || update.docChanged) this.showCursor(update.state);
    const byUser = update.transactions.filter((tr) => tr.annotation(Transaction.userEvent) !== undefined);
    if (update.selectionSet && byUser.length > 0) {
      this.schedulePolicySelection(byUser.some((tr) => tr.isUserEvent('select.pointer') || tr.isUserEvent('select.problem')));
    }
  }

  private showCursor(state: EditorState): void {
    const head = state.selection.main.head;
    const line = state.doc.lineAt(head);
    this.host.dataset['cursorLine'] = String(line.number);
    this.host.dataset['cursorColumn'] = String(head - line.from + 1);
  }

  /**
   * Select the policy under the cursor once it rests. A click selects it (unless it already is);
   * moving by keyboard or typing selects it only on entering another policy, so a selection made
   * on the canvas is not taken back while the user types in the same policy.
   */
  private schedulePolicySelection(pointer: boolean): void {
    this.pointerPending ||= pointer;
    clearTimeout(this.policyTimer);
    this.policyTimer = setTimeout(() => {
      const byPointer = this.pointerPending;
      this.pointerPending = false;
      this.selectPolicyAtCursor(byPointer);
    }, CURSOR_SELECT_DELAY_MS);
  }

  private selectPolicyAtCursor(byPointer: boolean): void {
    const state = this.store.getState();
    if (state.stale || !state.analysis) return;
    const doc = this.view.state.doc;
    const line = doc.lineAt(this.view.state.selection.main.head).number;
    const id = policyAtLine(state.analysis.model, this.file, doc, line);
    const entered = id !== this.cursorPolicy;
    this.cursorPolicy = id;
    if (id === undefined) return;
    const already = state.selection?.kind === 'policy' && state.selection.id === id;
    if (!already && (byPointer || entered)) state.select({ kind: 'policy', id });
  }
}
