import * as vscode from 'vscode';
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
): vscode.Disposable[] {
  const withSelection =
    (prompt: (attachment: Attachment) => Thenable<string | undefined>, title: string) =>
    async (question?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a file and select some code first.');
        return undefined;
      }
      const attachment = selectionAttachment(editor);
      const text = question ?? (await prompt(attachment));
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
  );
  return [
    vscode.commands.registerCommand('secureGpt.openChat', openChat),
    vscode.commands.registerCommand('secureGpt.stopAnswer', () => session.stop()),
    vscode.commands.registerCommand('secureGpt.askAboutSelection', (question?: string) => ask(question)),
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
    vscode.commands.registerCommand('secureGpt.previewOutgoingRequest', async (question?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(
          'Open a file and select some code to preview what would be sent.',
        );
        return undefined;
      }
      return preview({
        prompt: question ?? 'Question about the selected code',
        attachments: [selectionAttachment(editor)],
      });
    }),
  ];
}

/** The user message as it would read before redaction: the left side of the preview diff. */
export function originalMessage(input: { prompt: string; attachments: readonly Attachment[] }): string {
  return composeUserMessage(input.prompt, input.attachments);
}
