import * as vscode from 'vscode';
import { createFetch, networkFromEditor } from '../core/net/proxyFetch';

/**
 * A fetch for the OpenAI SDK that follows VS Code's proxy settings (`http.proxy`, `http.noProxy`,
 * `http.proxyStrictSSL`), then the extension host's HTTPS_PROXY / NO_PROXY, under the same egress rule as
 * the CLI: loopback never goes through `http.proxy`, and a proxy only ever tunnels TLS.
 */
export function editorFetch(): typeof fetch {
  const http = vscode.workspace.getConfiguration('http');
  return createFetch(
    networkFromEditor(
      {
        proxy: http.get<string>('proxy'),
        noProxy: http.get<string[]>('noProxy', []),
        proxyStrictSSL: http.get<boolean>('proxyStrictSSL', true),
      },
      process.env,
    ),
  );
}
