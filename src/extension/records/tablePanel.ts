import * as vscode from 'vscode';
import { contentSecurityPolicy, makeNonce } from '../webviewHtml';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A read-only table in a webview panel: no script runs in it at all (the CSP's nonce matches no script). */
export function showTable(
  viewType: string,
  title: string,
  heading: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  extensionUri: vscode.Uri,
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  });
  const style = panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'table.css'));
  const body =
    rows.length === 0
      ? '<p>No records yet.</p>'
      : `<table><thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(panel.webview.cspSource, makeNonce())}">
<link rel="stylesheet" href="${style.toString()}"><title>${escapeHtml(title)}</title></head>
<body><h2>${escapeHtml(heading)}</h2>${body}</body></html>`;
  return panel;
}
