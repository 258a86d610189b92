import type { AttachmentChip, PastChat, ProfileState, WebviewToHost } from '../protocol/webview';
import { button, el } from './dom';
import { REDACTION_EXPLAINED, welcomeMode } from './welcomeText';

type Post = (message: WebviewToHost) => void;

/** The empty chat: what happens to a question, what to do when answers are dry runs, and the shortcuts. */
export function welcome(state: ProfileState | undefined, post: Post): HTMLElement {
  const node = el('section', 'welcome');
  const mode = welcomeMode(state);
  if (mode === 'dry-run') {
    node.classList.add('dry-run');
    node.append(
      el(
        'h2',
        undefined,
        state?.dryRunProfile ? 'Dry-run profile: answers are dry runs' : 'No key: answers are dry runs',
      ),
      el(
        'p',
        undefined,
        'Nothing is sent. Each answer is the exact request that would go out, with secrets already replaced by placeholders.',
      ),
    );
    const actions = el('div', 'welcome-actions');
    actions.append(
      button('Set API Key', 'primary', () => post({ type: 'runCommand', command: 'secureGpt.setApiKey' })),
      button('Switch Profile', 'secondary', () =>
        post({ type: 'runCommand', command: 'secureGpt.switchProfile' }),
      ),
    );
    node.append(actions);
  } else {
    node.append(
      el('h2', undefined, 'Ask about code'),
      el('p', undefined, 'Secrets are replaced by placeholders before anything is sent.'),
    );
  }
  const shortcuts = el('ul', 'shortcuts');
  for (const [keys, what] of [
    ['Enter', 'send; Shift+Enter: new line; Escape: stop an answer'],
    ['Ctrl+Alt+G (⌘⌥G)', 'open this chat'],
    ['Ctrl+Alt+Shift+G (⌘⌥⇧G)', 'ask about the selection in the editor'],
    ['Attach', 'add the selection or a file to the next message'],
  ] as const) {
    const item = el('li');
    item.append(el('kbd', undefined, keys), document.createTextNode(` ${what}`));
    shortcuts.append(item);
  }
  const redacted = el('details', 'what-redacted');
  const list = el('ul');
  REDACTION_EXPLAINED.forEach((line) => list.append(el('li', undefined, line)));
  redacted.append(el('summary', undefined, 'What gets redacted?'), list);
  node.append(shortcuts, redacted);
  return node;
}

/** The list of earlier chats of this workspace; each opens read-only. */
export function historyList(past: readonly PastChat[], post: Post): HTMLElement {
  const node = el('details', 'history');
  node.append(el('summary', undefined, `Earlier chats (${past.length})`));
  const list = el('ul');
  for (const chat of past) {
    const item = el('li');
    const open = button(chat.title, 'link', () => post({ type: 'openPastChat', id: chat.id }));
    open.title = `${chat.turns} turn${chat.turns === 1 ? '' : 's'}, ended ${new Date(chat.ended).toLocaleString()}`;
    item.append(open, el('span', 'meta', ` · ${chat.turns} · ${new Date(chat.ended).toLocaleDateString()}`));
    list.append(item);
  }
  node.append(list);
  node.hidden = past.length === 0;
  return node;
}

/** The banner over an earlier chat: why it is read-only, and the way back. */
export function viewingBanner(chat: PastChat, post: Post): HTMLElement {
  const node = el('div', 'viewing');
  node.setAttribute('role', 'note');
  node.append(
    el('strong', undefined, `Earlier chat: ${chat.title}`),
    el(
      'p',
      undefined,
      'Read-only. Its placeholders cannot be restored: their values were kept in memory only, for the chat they came from.',
    ),
    button('Back to the current chat', 'secondary', () => post({ type: 'closePastChat' })),
  );
  return node;
}

/** Chips for the attachments waiting for the next message. */
export function attachmentChips(chips: readonly AttachmentChip[], post: Post): HTMLElement[] {
  return chips.map((chip) => {
    const node = el('span', 'chip', chip.label);
    node.title = 'Sent with the next message, after exclusion and redaction';
    const remove = button('×', 'chip-remove', () => post({ type: 'removeAttachment', id: chip.id }));
    remove.setAttribute('aria-label', `Remove ${chip.label}`);
    node.append(remove);
    return node;
  });
}
