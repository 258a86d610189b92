import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { FIRST_STATE_ELEMENT_ID } from '../protocol/firstState';
import { jsonForScript } from './chat/firstState';

/** The CSP of every Secure GPT webview: only our own assets, one nonce'd script, no network. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
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

/**
 * The shell page of a webview: CSP meta tag, stylesheet and bundle from the extension, no inline script.
 * `firstState`, when given, goes into a JSON data block the bundle reads on load: the browser never runs it,
 * and `jsonForScript` escapes it so that its text cannot close the element.
 */
export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  title: string,
  firstState?: unknown,
): string {
  const nonce = makeNonce();
  const data =
    firstState === undefined
      ? ''
      : `<script type="application/json" id="${FIRST_STATE_ELEMENT_ID}" nonce="${nonce}">${jsonForScript(firstState)}</script>\n`;
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'chat.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${title}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
${data}<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
