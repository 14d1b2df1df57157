import * as vscode from 'vscode';
import type { ReaderLabels } from '../render';

/**
 * The reader page's own words in the user's language, for renderReaderPage's `labels` option
 * (the guide's text, evidence notes included, stays as written).
 */
export function readerLabels(): ReaderLabels {
  return {
    evidenceNote: vscode.l10n.t('Evidence note'),
    evidenceNoteLead: vscode.l10n.t({ message: 'Evidence note:', comment: 'Starts an evidence note under a paragraph of the guide' }),
    source: vscode.l10n.t({ message: 'Source:', comment: 'Before the sources of an evidence note' }),
    showAnswer: vscode.l10n.t('Show answer'),
    inThisSection: vscode.l10n.t('In this section'),
    breadcrumb: vscode.l10n.t('Breadcrumb'),
    guidePages: vscode.l10n.t('Guide pages'),
    previous: vscode.l10n.t({ message: 'Previous:', comment: 'Before the link to the previous section of the guide' }),
    next: vscode.l10n.t({ message: 'Next:', comment: 'Before the link to the next section of the guide' }),
  };
}
