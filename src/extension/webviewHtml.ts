import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LoadMarks } from '../protocol/firstState';
import { FIRST_STATE_ELEMENT_ID, LOAD_MARKS_ELEMENT_ID } from '../protocol/firstState';
import { jsonForScript } from './chat/firstState';

/**
 * The CSP of every Secure GPT webview: only our own assets, one nonce'd script, the nonce'd stylesheet written
 * into the page, no network.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `connect-src 'none'`,
  ].join('; ');
}

/** A fresh nonce per render, from the OS's CSPRNG. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** What a page may carry besides its shell. */
export interface PageContent {
  /** The first state, as a JSON data block the bundle reads on load. */
  readonly firstState?: unknown;
  /** The host's load marks, as a JSON data block the e2e reads. */
  readonly marks?: LoadMarks;
  /** Static HTML for the page's body, shown before the script runs (already escaped: see pageTurns.ts). */
  readonly body?: string;
  /**
   * The stylesheet's text, written into the page (nonce'd) instead of linked: a linked one comes through the
   * webview resource loader, and the page does not paint until it has, so the drawn turns waited for it.
   */
  readonly css?: string | undefined;
}

/**
 * The shell page of a webview: CSP meta tag, stylesheet and bundle from the extension. With a body (content
 * drawn by the host) the bundle is loaded after the page's load event, by a nonce'd inline loader, so that what
 * the page holds is shown before it arrives; without, it is a deferred script and there is no inline script. The first state and the marks,
 * when given, go into JSON data blocks: the browser never runs them, and `jsonForScript` escapes them so that
 * their text cannot close the element. The stylesheet is inlined only when it cannot close its own element.
 */
export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  title: string,
  content: PageContent = {},
): string {
  const nonce = makeNonce();
  const block = (id: string, value: unknown): string =>
    value === undefined
      ? ''
      : `<script type="application/json" id="${id}" nonce="${nonce}">${jsonForScript(value)}</script>\n`;
  const data =
    block(FIRST_STATE_ELEMENT_ID, content.firstState) + block(LOAD_MARKS_ELEMENT_ID, content.marks);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString();
  const style =
    content.css !== undefined && !/<\/style/i.test(content.css)
      ? `<style nonce="${nonce}">\n${content.css}</style>`
      : `<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'chat.css')).toString()}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style}
<title>${title}</title>
</head>
<body>
<main id="app" aria-live="polite">${content.body ?? ''}</main>
${data}${content.body ? loadAfterPaint(script, nonce) : `<script nonce="${nonce}" src="${script}" defer></script>`}
</body>
</html>`;
}

/**
 * Loads the bundle once the page's load event has fired, from a nonce'd inline script (the CSP stays nonce-only).
 * VS Code keeps a webview's page hidden until that event (or 200 ms): a bundle in the page delays it until the
 * bundle has come through the resource loader, and the turns drawn into the page would wait for it unseen.
 */
function loadAfterPaint(src: string, nonce: string): string {
  const load = [
    `const s = document.createElement('script');`,
    `s.setAttribute('nonce', ${jsonForScript(nonce)});`,
    `s.src = ${jsonForScript(src)};`,
    'document.body.append(s);',
  ].join(' ');
  return `<script nonce="${nonce}">addEventListener('load', () => { ${load} }, { once: true });</script>`;
}

const stylesheets = new Map<string, string | undefined>();

/**
 * The chat's stylesheet (media/chat.css) as text, read once per extension folder, or undefined when it cannot
 * be read (the page then links it, as before). Small (a few KB), and read synchronously once: the page is not
 * shown before it anyway.
 */
export function pageStylesheet(extensionUri: vscode.Uri): string | undefined {
  const file = vscode.Uri.joinPath(extensionUri, 'media', 'chat.css').fsPath;
  if (!stylesheets.has(file)) {
    try {
      stylesheets.set(file, readFileSync(file, 'utf8'));
    } catch {
      stylesheets.set(file, undefined);
    }
  }
  return stylesheets.get(file);
}
