// What makes the web run a web run: the extension under test is the browser bundle, running in
// a web worker extension host, not the Node bundle in code-server's Node extension host.
import * as assert from 'assert';
import MarkdownIt = require('markdown-it');
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from '../integration/helpers';

describe('web extension host', () => {
  it('runs the browser bundle in a web worker', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.strictEqual(extension.packageJSON.browser, './dist/web/extension.js');
    // UI: the extension runs where the workbench runs (the browser); Workspace would be the Node host.
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.strictEqual(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'not in a web worker');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const api = await extensionApi();
    assert.ok(api.glossary.store.current().entries.length >= 78, 'the built-in glossary did not load');
  });

  // code-server ships the built-in Markdown extension without its web build, so its preview runs in
  // the Node host and cannot reach a plugin in the web worker (in VS Code for the Web both run in the
  // worker). test/integration/preview.test.ts covers that hook; here, the plugin the hook returns.
  it('returns a markdown-it plugin that marks glossary terms, as the preview asks', async () => {
    const api = await extensionApi();
    const html = api.extendMarkdownIt(new MarkdownIt()).render('Mild *spinal stenosis*; `NSAIDs` in code.');
    assert.match(html, /<em><abbr class="iliopsoas-term" title="Narrowing of the spinal canal[^"]*" data-term="spinal stenosis">spinal stenosis<\/abbr><\/em>/);
    assert.ok(html.includes('<code>NSAIDs</code>'), 'a term in code was marked');
  });
});
