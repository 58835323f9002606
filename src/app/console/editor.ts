// The CodeMirror 6 editor of the console: Cypher highlighting, completion from the graph, Ctrl/Cmd+Enter to run,
// and an error mark at the position Neo4j reports.
import { closeCompletion } from '@codemirror/autocomplete';
import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { type CypherSchema, cypherCompletions, cypherLanguage } from './cypher-language.js';
import type { ErrorPosition } from './errors.js';

export interface CypherEditor {
  readonly view: EditorView;
  getText(): string;
  setText(text: string): void;
  /** Underlines the reported position (or the whole query when there is none) and explains it on hover. */
  markError(message: string, position?: ErrorPosition): void;
  clearError(): void;
  /** Accessible name and placeholder, on language change. */
  setLabels(label: string, placeholderText: string): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  doc: string;
  label: string;
  placeholder: string;
  schema: () => CypherSchema;
  onRun(): void;
  onChange(text: string): void;
}

/** Neo4j counts lines and columns from 1; a position past the text (unexpected end) marks the last character. */
export function positionToRange(text: string, pos: ErrorPosition): { from: number; to: number } {
  const lines = text.split('\n');
  const lineIndex = Math.min(Math.max(pos.line, 1), lines.length) - 1;
  let from = 0;
  for (let i = 0; i < lineIndex; i++) from += (lines[i]?.length ?? 0) + 1;
  const lineText = lines[lineIndex] ?? '';
  from += Math.min(Math.max(pos.column - 1, 0), lineText.length);
  if (from >= text.length) from = Math.max(0, text.length - 1);
  const word = /^[\w$]+/.exec(text.slice(from));
  return { from, to: Math.min(text.length, from + Math.max(1, word?.[0].length ?? 1)) };
}

export function createCypherEditor(parent: HTMLElement, opts: EditorOptions): CypherEditor {
  const language = cypherLanguage();
  const labels = new Compartment();
  const labelExtensions = (label: string, text: string) => [
    placeholder(text),
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
  ];
  const run = (target: EditorView) => {
    closeCompletion(target);
    opts.onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        // Above basicSetup's keymap, where Mod-Enter would insert a blank line.
        Prec.highest(
          keymap.of([
            { key: 'Mod-Enter', run },
            { key: 'Ctrl-Enter', run },
          ]),
        ),
        basicSetup,
        language,
        language.language.data.of({ autocomplete: cypherCompletions(opts.schema) }),
        labels.of(labelExtensions(opts.label, opts.placeholder)),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markError(message, position) {
      const text = view.state.doc.toString();
      const range = position ? positionToRange(text, position) : { from: 0, to: text.length };
      view.dispatch(setDiagnostics(view.state, [{ ...range, severity: 'error', message }]));
    },
    clearError() {
      view.dispatch(setDiagnostics(view.state, []));
    },
    setLabels(label, placeholderText) {
      view.dispatch({ effects: labels.reconfigure(labelExtensions(label, placeholderText)) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
