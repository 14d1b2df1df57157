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

/** A grade's figures, as the messages' named placeholders take them. */
function figures(grades: MarkdownReadingGrades, target: number) {
  return {
    grade: grades.grade.toFixed(1),
    fleschKincaid: grades.fleschKincaid.toFixed(1),
    smog: grades.smog.toFixed(1),
    words: grades.words,
    terms: grades.taughtTerms.join(', '),
    target,
  };
}

/** The selection, or else the paragraph at the cursor (read from the note's shared model), limited in size. */
function textToGrade(editor: vscode.TextEditor, model: NoteModel): { text: string; isSelection: boolean } {
  const { document, selection } = editor;
  if (!selection.isEmpty) return { text: document.getText(selection).slice(0, MAX_GRADED_CHARACTERS), isSelection: true };
  return { text: paragraphToGrade(model.lines, selection.active.line, selection.active.character), isSelection: false };
}

/**
 * The status item's tooltip: how the grade was reached (the two formulas and the exempted terms).
 * A whole sentence for each case, the selection's and the paragraph's, with and without taught terms.
 */
function gradeTooltip(grades: MarkdownReadingGrades, target: number, isSelection: boolean): string {
  const { grade, fleschKincaid, smog, words, terms } = figures(grades, target);
  if (isSelection) {
    return grades.taughtTerms.length > 0
      ? vscode.l10n.t(
          'Reading grade of the selection: {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words; taught terms not counted: {terms}). Patient handouts aim for grade {target} or below. Click for the whole note.',
          { grade, fleschKincaid, smog, words, terms, target },
        )
      : vscode.l10n.t(
          'Reading grade of the selection: {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words). Patient handouts aim for grade {target} or below. Click for the whole note.',
          { grade, fleschKincaid, smog, words, target },
        );
  }
  return grades.taughtTerms.length > 0
    ? vscode.l10n.t(
        'Reading grade of this paragraph: {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words; taught terms not counted: {terms}). Patient handouts aim for grade {target} or below. Click for the whole note.',
        { grade, fleschKincaid, smog, words, terms, target },
      )
    : vscode.l10n.t(
        'Reading grade of this paragraph: {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words). Patient handouts aim for grade {target} or below. Click for the whole note.',
        { grade, fleschKincaid, smog, words, target },
      );
}

/** A status-bar item with the reading grade of the selection or paragraph in notes. */
export function registerReadingGradeStatus(noteModels: NoteModels): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('iliopsoas.readingGrade', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Iliopsoas: Reading Grade');
  item.command = NOTE_READING_GRADE_COMMAND;
  const pending = new Delayer<void>(UPDATE_DELAY_MS, 'updating the reading grade');

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document) || !vscode.workspace.getConfiguration(undefined, editor.document).get<boolean>(SHOW_IN_STATUS_BAR_SETTING, true)) {
      item.hide();
      return;
    }
    const target = targetGrade(editor.document);
    const { text, isSelection } = textToGrade(editor, noteModels.get(editor.document));
    const grades = markdownReadingGrades(text, teachableTerms());
    if (!grades) {
      item.text = vscode.l10n.t({ message: '$(book) Grade –', comment: 'The status bar item when there is no reading grade; keep $(book), an icon' });
      item.tooltip = isSelection
        ? vscode.l10n.t('Too few words in the selection to grade. Click for the whole note.')
        : vscode.l10n.t('Too few words in this paragraph to grade. Click for the whole note.');
      item.backgroundColor = undefined;
    } else {
      item.text = vscode.l10n.t({ message: '$(book) Grade {0}', args: [grades.grade.toFixed(1)], comment: 'The status bar item with a reading grade; keep $(book), an icon' });
      item.tooltip = gradeTooltip(grades, target, isSelection);
      item.backgroundColor = grades.grade > target ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    item.accessibilityInformation = { label: grades ? vscode.l10n.t('Reading grade {0}', grades.grade.toFixed(1)) : vscode.l10n.t('Reading grade not available') };
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
    ? vscode.l10n.t('Open a note to see its reading grade.')
    : !grades
      ? vscode.l10n.t('This note has too few words to grade.')
      : `${noteGradeSentence(grades, target)} ${
          grades.grade > target
            ? vscode.l10n.t('Patient handouts should be grade {0} or below: try shorter sentences and shorter words.', target)
            : vscode.l10n.t('That suits patient handouts.')
        }`;
  void vscode.window.showInformationMessage(message);
  return message;
}

/** The note's grade and how it was reached, a whole sentence with or without taught terms. */
function noteGradeSentence(grades: MarkdownReadingGrades, target: number): string {
  const { grade, fleschKincaid, smog, words, terms } = figures(grades, target);
  return grades.taughtTerms.length > 0
    ? vscode.l10n.t('This note reads at grade {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words; taught terms not counted: {terms}).', {
        grade,
        fleschKincaid,
        smog,
        words,
        terms,
      })
    : vscode.l10n.t('This note reads at grade {grade} (the higher of Flesch–Kincaid {fleschKincaid} and SMOG {smog}; {words} words).', { grade, fleschKincaid, smog, words });
}
