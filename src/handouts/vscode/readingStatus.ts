import * as vscode from 'vscode';
import { registerCommand } from '../../util/commands';
import { NOTE_READING_GRADE_COMMAND } from '../../ids';
import type { NoteModel } from '../../markdown/noteModel';
import { MAX_READING_GRADE, teachableTerms } from '../handouts';
import { Delayer } from '../../util/delayer';
import { disposeAll } from '../../util/dispose';
import type { NoteModels } from '../../util/noteModels';
import { affectsNoteLanguages, isNote } from '../../util/notes';
import { MAX_GRADED_CHARACTERS, markdownReadingGrades, paragraphToGrade, type MarkdownReadingGrades } from '../../readability/prose';

const UPDATE_DELAY_MS = 150;
const SHOW_IN_STATUS_BAR_SETTING = 'iliopsoas.readingGrade.showInStatusBar';
const TARGET_SETTING = 'iliopsoas.readingGrade.target';
const READING_GRADE_SETTINGS = 'iliopsoas.readingGrade';

/** The grade a note's patient text should not exceed, by its folder's setting (the project's grade 6 unless changed). */
function targetGrade(document: vscode.TextDocument): number {
  const target = vscode.workspace.getConfiguration(undefined, document).get<unknown>(TARGET_SETTING);
  // The manifest bounds it, but a hand-edited settings file is not checked: fall back rather than show nonsense.
  return typeof target === 'number' && Number.isFinite(target) && target >= 1 && target <= 18 ? target : MAX_READING_GRADE;
}

/** How a grade was reached, for the tooltip and the message: the two formulas and the exempted terms. */
function gradeBasis(grades: MarkdownReadingGrades): string {
  const taught = grades.taughtTerms.length > 0 ? `; taught terms not counted: ${grades.taughtTerms.join(', ')}` : '';
  return `the higher of Flesch–Kincaid ${grades.fleschKincaid.toFixed(1)} and SMOG ${grades.smog.toFixed(1)}; ${grades.words} words${taught}`;
}

/** The selection, or else the paragraph at the cursor (read from the note's shared model), limited in size. */
function textToGrade(editor: vscode.TextEditor, model: NoteModel): { text: string; what: string } {
  const { document, selection } = editor;
  if (!selection.isEmpty) return { text: document.getText(selection).slice(0, MAX_GRADED_CHARACTERS), what: 'the selection' };
  return { text: paragraphToGrade(model.lines, selection.active.line, selection.active.character), what: 'this paragraph' };
}

/** A status-bar item with the reading grade of the selection or paragraph in notes. */
export function registerReadingGradeStatus(noteModels: NoteModels): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('iliopsoas.readingGrade', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Iliopsoas: Reading Grade';
  item.command = NOTE_READING_GRADE_COMMAND;
  const pending = new Delayer<void>(UPDATE_DELAY_MS, 'updating the reading grade');

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document) || !vscode.workspace.getConfiguration(undefined, editor.document).get<boolean>(SHOW_IN_STATUS_BAR_SETTING, true)) {
      item.hide();
      return;
    }
    const target = targetGrade(editor.document);
    const { text, what } = textToGrade(editor, noteModels.get(editor.document));
    const grades = markdownReadingGrades(text, teachableTerms());
    if (!grades) {
      item.text = '$(book) Grade –';
      item.tooltip = `Too few words in ${what} to grade. Click for the whole note.`;
      item.backgroundColor = undefined;
    } else {
      item.text = `$(book) Grade ${grades.grade.toFixed(1)}`;
      item.tooltip = `Reading grade of ${what}: ${grades.grade.toFixed(1)} (${gradeBasis(grades)}). Patient handouts aim for grade ${target} or below. Click for the whole note.`;
      item.backgroundColor = grades.grade > target ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
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
    noteModels.onDidUpdate(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) updateSoon();
    }),
    registerCommand(NOTE_READING_GRADE_COMMAND, () => reportNoteGrade()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(READING_GRADE_SETTINGS) || affectsNoteLanguages(event)) update();
    }),
  ];
  // Not during activate(): opening a note is what activates the extension, and grading it then
  // would load markdown-it and the handouts before activation returns.
  updateSoon();
  return new vscode.Disposable(() => {
    disposeAll([pending, ...subscriptions]);
  });
}

/** Reports the reading grade of the whole active note; returns the message shown. */
function reportNoteGrade(): string {
  const document = vscode.window.activeTextEditor?.document;
  const grades = document ? markdownReadingGrades(document.getText(), teachableTerms()) : undefined;
  const target = document ? targetGrade(document) : MAX_READING_GRADE;
  const message = !document
    ? 'Open a note to see its reading grade.'
    : !grades
      ? 'This note has too few words to grade.'
      : `This note reads at grade ${grades.grade.toFixed(1)} (${gradeBasis(grades)}).` +
        (grades.grade > target ? ` Patient handouts should be grade ${target} or below: try shorter sentences and shorter words.` : ' That suits patient handouts.');
  void vscode.window.showInformationMessage(message);
  return message;
}
