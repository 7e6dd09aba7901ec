import { minimalSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';

/**
 * CodeMirror 6 set up for Chinese markdown: soft-wrapped lines (long CJK paragraphs have no spaces to break at), line
 * numbers (the build's problems name lines), history, markdown highlighting. The browser's own contenteditable handles
 * IME composition. Tab is left to the browser, so the keyboard can leave the editor.
 */
export function createMarkdownEditor(options: {
  parent: HTMLElement;
  root: ShadowRoot;
  doc: string;
  label: string;
  onChange: (text: string) => void;
  onSave: () => void;
}): EditorView {
  return new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        keymap.of([
          {
            key: 'Mod-s',
            preventDefault: true,
            run: () => {
              options.onSave();
              return true;
            },
          },
        ]),
        minimalSetup,
        lineNumbers(),
        EditorView.lineWrapping,
        markdown(),
        EditorView.contentAttributes.of({ 'aria-label': options.label, lang: 'zh-CN' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the whole text (a file loaded, an undo), keeping the editor's extensions. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Inserts `text` at the cursor (replacing a selection) and leaves the cursor after it. */
export function insertAtCursor(view: EditorView, text: string): void {
  view.dispatch(view.state.replaceSelection(text));
  view.focus();
}

/** Puts the cursor at the start of `line` (1-based, clamped) and scrolls it into view. */
export function goToLine(view: EditorView, line: number): void {
  const at = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
  view.dispatch({ selection: { anchor: at.from }, scrollIntoView: true });
  view.focus();
}

/** Marks lines (1-based, in the editor's text) with the build's messages. */
export function markLines(view: EditorView, marks: { line: number; message: string }[]): void {
  const doc = view.state.doc;
  const diagnostics: LintDiagnostic[] = marks
    .filter((m) => m.line >= 1 && m.line <= doc.lines)
    .map((m) => {
      const line = doc.line(m.line);
      return { from: line.from, to: line.to, severity: 'error', message: m.message };
    });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
