import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore, toDisposable } from '../../core/disposable';
import { buildPipeline } from '../../core/pipeline/buildPipeline';
import type { Attachment } from '../../core/pipeline/exclude';
import type { Conversation } from '../../core/pipeline/conversation';
import { originalMessage } from './actions';
import type { EndpointAccess } from './endpointAccess';
import { workspaceEnvValues } from './knownValues';
import { currentSettings } from './settingsReader';

const PREVIEW_SCHEME = 'secure-gpt-preview';
const documents = new Map<string, string>();
let previews = 0;

/** Serves both sides of the preview from memory, read-only (a content provider's documents cannot be saved). */
export function registerPreviewContent(): DisposableLike {
  return DisposableStore.of(
    // The original side holds the secrets as written: forget both sides once the diff is closed.
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme === PREVIEW_SCHEME) {
        documents.delete(document.uri.toString());
      }
    }),
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, {
      provideTextDocumentContent: (uri) => documents.get(uri.toString()) ?? '',
    }),
    // Nor do they outlive the extension.
    toDisposable(() => documents.clear()),
  );
}

/** The preview: a read-only diff of the message as written against exactly what would be sent. */
export function previewRequest(endpoint: EndpointAccess, conversation: () => Conversation) {
  return async (input: {
    prompt: string;
    attachments: Attachment[];
  }): Promise<{ original: string; sent: string } | undefined> => {
    const { settings } = currentSettings();
    // No stores: a preview only prepares, so nothing is limited, spent or audited.
    const pipeline = buildPipeline(
      { settings, profile: endpoint.active().profile, known: await workspaceEnvValues(), policy: 'redact' },
      {},
    );
    // The model the chat would name for the active profile (its `/models`, else its default).
    const model = await endpoint.model(undefined);
    const prepared = await endpoint.withProvider((provider) =>
      Promise.resolve(
        pipeline.prepare(
          conversation(),
          { prompt: input.prompt, attachments: input.attachments, model },
          provider,
        ),
      ),
    );
    if (prepared.kind !== 'ready') {
      void vscode.window.showWarningMessage(
        `Secure GPT would not send this request: ${prepared.kind === 'blocked' ? prepared.message : 'it needs a decision'}`,
      );
      return undefined;
    }
    const n = ++previews;
    const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${n}/original.md` });
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${n}/sent.md` });
    const excluded = prepared.excluded.map((e) => `- left out: ${e.path} (${e.reason})`).join('\n');
    const original = originalMessage(input);
    const sent = prepared.userMessage + (excluded ? `\n\n${excluded}` : '');
    documents.set(left.toString(), original);
    documents.set(right.toString(), sent);
    await vscode.commands.executeCommand(
      'vscode.diff',
      left,
      right,
      `Outgoing request: original ↔ sent (${prepared.redactions.length} redaction${prepared.redactions.length === 1 ? '' : 's'})`,
      { preview: true },
    );
    return { original, sent };
  };
}
