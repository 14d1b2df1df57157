import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { NOTE_READING_GRADE_COMMAND } from '../../ids';
import { isBlankLine } from '../../markdown/regions';
import { MAX_READING_GRADE, teachableTerms } from '../handouts';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import { isNote } from '../../util/notes';
import { markdownReadingGrades, type MarkdownReadingGrades } from '../../readability/prose';

// Grading is linear in the text: a paragraph that is one huge line is graded around the cursor only.
const MAX_GRADED_CHARACTERS = 20_000;
const UPDATE_DELAY_MS = 150;

/** How a grade was reached, for the tooltip and the message: the two formulas and the exempted terms. */
function gradeBasis(grades: MarkdownReadingGrades): string {
  const taught = grades.taughtTerms.length > 0 ? `; taught terms not counted: ${grades.taughtTerms.join(', ')}` : '';
  return `the higher of Flesch–Kincaid ${grades.fleschKincaid.toFixed(1)} and SMOG ${grades.smog.toFixed(1)}; ${grades.words} words${taught}`;
}

/** The selection, or else the paragraph at the cursor, limited in size. */
function textToGrade(editor: vscode.TextEditor): { text: string; what: string } {
  const { document, selection } = editor;
  if (!selection.isEmpty) return { text: document.getText(selection).slice(0, MAX_GRADED_CHARACTERS), what: 'the selection' };
  let first = selection.active.line;
  let last = first;
  while (first > 0 && !isBlankLine(document.lineAt(first - 1).text) && last - first < 500) first--;
  while (last + 1 < document.lineCount && !isBlankLine(document.lineAt(last + 1).text) && last - first < 500) last++;
  const text = document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
  const cursor = document.offsetAt(selection.active) - document.offsetAt(new vscode.Position(first, 0));
  const start = Math.max(0, Math.min(cursor - MAX_GRADED_CHARACTERS / 2, text.length - MAX_GRADED_CHARACTERS));
  return { text: text.slice(start, start + MAX_GRADED_CHARACTERS), what: 'this paragraph' };
}

/** A status-bar item with the reading grade of the selection or paragraph in notes. */
export function registerReadingGradeStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('iliopsoas.readingGrade', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Iliopsoas: Reading Grade';
  item.command = NOTE_READING_GRADE_COMMAND;
  const pending = new Delayer<void>(UPDATE_DELAY_MS, 'updating the reading grade');

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document)) {
      item.hide();
      return;
    }
    const { text, what } = textToGrade(editor);
    const grades = markdownReadingGrades(text, teachableTerms());
    if (!grades) {
      item.text = '$(book) Grade –';
      item.tooltip = `Too few words in ${what} to grade. Click for the whole note.`;
      item.backgroundColor = undefined;
    } else {
      item.text = `$(book) Grade ${grades.grade.toFixed(1)}`;
      item.tooltip = `Reading grade of ${what}: ${grades.grade.toFixed(1)} (${gradeBasis(grades)}). Patient handouts aim for grade ${MAX_READING_GRADE} or below. Click for the whole note.`;
      item.backgroundColor = grades.grade > MAX_READING_GRADE ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    item.accessibilityInformation = { label: `Reading grade ${grades ? grades.grade.toFixed(1) : 'not available'}` };
    item.show();
  };
  const updateSoon = () => {
    pending.trigger(undefined, update);
  };

  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection(updateSoon),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) updateSoon();
    }),
    registerCommand(NOTE_READING_GRADE_COMMAND, () => reportNoteGrade()),
  ];
  update();
  return new vscode.Disposable(() => {
    disposeAll([pending, ...subscriptions]);
  });
}

/** Reports the reading grade of the whole active note; returns the message shown. */
export function reportNoteGrade(): string {
  const document = vscode.window.activeTextEditor?.document;
  const grades = document ? markdownReadingGrades(document.getText(), teachableTerms()) : undefined;
  const message = !document
    ? 'Open a note to see its reading grade.'
    : !grades
      ? 'This note has too few words to grade.'
      : `This note reads at grade ${grades.grade.toFixed(1)} (${gradeBasis(grades)}).` +
        (grades.grade > MAX_READING_GRADE ? ` Patient handouts should be grade ${MAX_READING_GRADE} or below: try shorter sentences and shorter words.` : ' That suits patient handouts.');
  void vscode.window.showInformationMessage(message);
  return message;
}
