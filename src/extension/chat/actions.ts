import * as vscode from 'vscode';
import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import type { Attachment } from '../../core/pipeline/exclude';
import { composeUserMessage } from '../../core/pipeline/payload';
import type { ChatSession } from './chatSession';

/** The palette and context-menu actions on the selection, with the prompt each sends. */
const PROMPTS = {
  explain: 'Explain what this code does, step by step, and point out anything surprising.',
  review:
    'Review this code for bugs and security issues. List each problem with its line, why it matters, and a fix.',
  tests:
    'Write unit tests for this code in the idiom of its language and the test framework it most likely uses. Cover edge cases.',
} as const;

/**
 * Menus pass arguments: `editor/context` calls a command with the document's URI (and an options object),
 * the palette with none, and a caller of `executeCommand` with whatever it likes. Only a string is a
 * question; anything else is ignored rather than sent as the prompt.
 */
export function questionArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' && arg.trim().length > 0 ? arg : undefined;
}

/**
 * The editor an action works on: the one showing the URI a menu passed, else the active one. A URI of a
 * document that no editor shows falls back to the active editor only when it shows that same document.
 */
export function targetEditor(arg: unknown): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (!(arg instanceof vscode.Uri)) {
    return active;
  }
  const key = arg.toString();
  if (active?.document.uri.toString() === key) {
    return active;
  }
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
}

/** The selection of the active editor (the whole document when nothing is selected) as an attachment. */
export function selectionAttachment(editor: vscode.TextEditor): Attachment {
  const document = editor.document;
  const selection = editor.selection;
  const whole = selection.isEmpty;
  const text = whole ? document.getText() : document.getText(selection);
  return {
    path: document.isUntitled ? document.fileName : vscode.workspace.asRelativePath(document.uri, false),
    text,
    language: document.languageId,
    ...(whole ? {} : { startLine: selection.start.line + 1 }),
  };
}

async function openChat(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.secureGpt');
  await vscode.commands.executeCommand('secureGpt.chat.focus');
}

/** Registers Open Chat, Stop, Ask/Explain/Review/Write Tests for Selection, and Preview Outgoing Request. */
export function registerChatActions(
  session: ChatSession,
  preview: (input: { prompt: string; attachments: Attachment[] }) => Promise<unknown>,
): DisposableLike {
  const withSelection =
    (
      prompt: (attachment: Attachment) => Thenable<string | undefined>,
      title: string,
      takesQuestion = false,
    ) =>
    async (arg?: unknown) => {
      const editor = targetEditor(arg);
      if (!editor) {
        void vscode.window.showInformationMessage('Open a file and select some code first.');
        return undefined;
      }
      const attachment = selectionAttachment(editor);
      const text = (takesQuestion ? questionArgument(arg) : undefined) ?? (await prompt(attachment));
      if (!text) {
        return undefined;
      }
      await openChat();
      return session.ask({ prompt: text, attachments: [attachment], title: `${title}: ${attachment.path}` });
    };
  const ask = withSelection(
    () =>
      vscode.window.showInputBox({
        title: 'Ask about Selection',
        prompt: 'What do you want to know about the selected code?',
        ignoreFocusOut: true,
      }),
    'Ask about',
    true,
  );
  return DisposableStore.of(
    vscode.commands.registerCommand('secureGpt.openChat', openChat),
    vscode.commands.registerCommand('secureGpt.stopAnswer', () => session.chat.stop()),
    vscode.commands.registerCommand('secureGpt.askAboutSelection', ask),
    // The fixed-prompt actions take no question: a menu's URI only picks the editor.
    vscode.commands.registerCommand(
      'secureGpt.explainSelection',
      withSelection(() => Promise.resolve(PROMPTS.explain), 'Explain'),
    ),
    vscode.commands.registerCommand(
      'secureGpt.reviewSelection',
      withSelection(() => Promise.resolve(PROMPTS.review), 'Review'),
    ),
    vscode.commands.registerCommand(
      'secureGpt.writeTestsForSelection',
      withSelection(() => Promise.resolve(PROMPTS.tests), 'Write tests for'),
    ),
    vscode.commands.registerCommand('secureGpt.previewOutgoingRequest', async (arg?: unknown) => {
      const editor = targetEditor(arg);
      if (!editor) {
        void vscode.window.showInformationMessage(
          'Open a file and select some code to preview what would be sent.',
        );
        return undefined;
      }
      return preview({
        prompt: questionArgument(arg) ?? 'Question about the selected code',
        attachments: [selectionAttachment(editor)],
      });
    }),
  );
}

/** The user message as it would read before redaction: the left side of the preview diff. */
export function originalMessage(input: { prompt: string; attachments: readonly Attachment[] }): string {
  return composeUserMessage(input.prompt, input.attachments);
}
