import * as vscode from 'vscode';
import { OPEN_SECTION_COMMAND } from '../../ids';
import type { GuideOutline, GuideSection } from '../outline';
import { renderReaderPage } from '../render';

const READER_VIEW_TYPE = 'iliopsoas.reader';

/** The one reader tab: reused for every section, its title and content following the section shown. */
export class GuideReader implements vscode.Disposable {
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
    const outline = this.outline();
    const section = sectionId === undefined ? outline.root : outline.get(sectionId);
    if (!section) return false;
    const panel = this.panel ?? this.createPanel(section.title);
    panel.title = section.title;
    panel.webview.html = renderReaderPage(outline, section, {
      cspSource: panel.webview.cspSource,
      stylesheetUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'reader.css')).toString(),
    });
    this.shown = section;
    if (!panel.visible) panel.reveal(undefined, options.preserveFocus ?? false);
    this.didShowSection.fire(section);
    return true;
  }

  /** Opened with the section's own title: the tab never shows a placeholder first. */
  private createPanel(title: string): vscode.WebviewPanel {
    // Read beside the note being written, when there is one.
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(READER_VIEW_TYPE, title, { viewColumn: column, preserveFocus: true }, {
      enableScripts: false,
      enableCommandUris: [OPEN_SECTION_COMMAND],
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'iliopsoas.svg');
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.shown = undefined;
    });
    this.panel = panel;
    return panel;
  }

  dispose(): void {
    this.panel?.dispose();
    this.didShowSection.dispose();
  }
}
