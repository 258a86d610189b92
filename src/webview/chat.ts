import type { HostToWebview, WebviewToHost } from '../protocol/webview';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app');

function render(message: HostToWebview): void {
  if (!app) {
    return;
  }
  switch (message.type) {
    case 'init': {
      const heading = document.createElement('p');
      heading.textContent = `Profile ${message.profile}, model ${message.model}.`;
      app.replaceChildren(heading);
      break;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => render(event.data));
if (app) {
  app.textContent = 'Secure GPT chat';
}
vscode.postMessage({ type: 'ready' });
