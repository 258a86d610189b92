import * as vscode from 'vscode';
import { createFetch } from '../core/net/proxyFetch';

/**
 * A fetch for the OpenAI SDK that follows VS Code's proxy settings (`http.proxy`, `http.noProxy`,
 * `http.proxyStrictSSL`), then the extension host's HTTPS_PROXY / NO_PROXY.
 */
export function editorFetch(): typeof fetch {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy') || process.env['HTTPS_PROXY'] || process.env['https_proxy'];
  const noProxy =
    http.get<string[]>('noProxy', []).join(',') || process.env['NO_PROXY'] || process.env['no_proxy'];
  return createFetch({
    proxyUrl: proxy || undefined,
    noProxy: noProxy || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
  });
}
