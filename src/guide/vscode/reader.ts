import { readerLabels } from './readerLabels';
import * as vscode from 'vscode';
import { OPEN_SECTION_COMMAND } from '../../ids';
import type { GuideOutline, GuideSection } from '../outline';
import { restoredSectionId } from '../readerState';
import { renderReaderPage } from '../render';

/** The reader's webview type: its serializer, and the `onWebviewPanel:` activation event, name it. */
export const READER_VIEW_TYPE = 'iliopsoas.reader';

/** A fresh nonce for each page the reader shows (its Content Security Policy lets only that script run). */
function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The one reader tab: reused for every section, its title and content following the section
 * shown. It is also the serializer VS Code calls after a window reload, with the state the page
 * saved (the section's id), so the reader comes back where it was.
 */
export class GuideReader implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  private shown: GuideSection | undefined;
  private readonly didShowSection = new vscode.EventEmitter<GuideSection>();
  readonly onDidShowSection = this.didShowSection.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly outline: () => GuideOutline,
  ) {}

  /** The section on screen, if the reader is open. */
  get section(): GuideSection | undefined {
    return this.panel ? this.shown : undefined;
  }

  /** The reader's current HTML, if it is open. */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  /** Shows a section (the guide's title page when no id is given); returns false for an unknown id. */
  show(sectionId?: string, options: { preserveFocus?: boolean } = {}): boolean {
    const section = this.sectionFor(sectionId);
    if (!section) return false;
    const panel = this.panel ?? this.createPanel(section.title);
    this.render(panel, section);
    if (!panel.visible) panel.reveal(undefined, options.preserveFocus ?? false);
    return true;
  }

  /**
   * Takes back a reader tab VS Code restores after a reload, showing the section its state names
   * (the guide's title page for a state that names none, or one that no longer exists). It stays
   * where VS Code put it, in the background if it was.
   */
  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const outline = this.outline();
    const sectionId = restoredSectionId(state, (id) => outline.get(id) !== undefined);
    // One reader tab: a restored one replaces any opened since.
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.adopt(panel);
    this.render(panel, this.sectionFor(sectionId) ?? outline.root);
    return Promise.resolve();
  }

  private sectionFor(sectionId: string | undefined): GuideSection | undefined {
    const outline = this.outline();
    return sectionId === undefined ? outline.root : outline.get(sectionId);
  }

  private render(panel: vscode.WebviewPanel, section: GuideSection): void {
    panel.title = section.title;
    panel.webview.html = renderReaderPage(this.outline(), section, {
      cspSource: panel.webview.cspSource,
      stylesheetUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'reader.css')).toString(),
      nonce: newNonce(),
      labels: readerLabels(),
    });
    this.shown = section;
    this.didShowSection.fire(section);
  }

  /** Opened with the section's own title: the tab never shows a placeholder first. */
  private createPanel(title: string): vscode.WebviewPanel {
    // Read beside the note being written, when there is one.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(READER_VIEW_TYPE, title, { viewColumn: column, preserveFocus: true }, {
      ...this.webviewOptions(),
      enableFindWidget: true,
    });
    this.adopt(panel);
    return panel;
  }

  /** Scripts only for the page's own, nonce-bearing one; command links only to open sections. */
  private webviewOptions(): vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: [OPEN_SECTION_COMMAND],
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    // A restored panel keeps the options it was saved with; set them again so they are ours.
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'iliopsoas.svg');
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.shown = undefined;
    });
    this.panel = panel;
  }

  dispose(): void {
    this.panel?.dispose();
    this.didShowSection.dispose();
  }
}
