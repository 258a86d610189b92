import type { ChatTurn, HostToWebview, WebviewToHost } from '../protocol/webview';
import { renderMarkdown } from './markdown';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewToHost): void => vscode.postMessage(message);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// --- layout ---------------------------------------------------------------------------------------
const app = document.getElementById('app') ?? document.body;
const header = el('header', 'toolbar');
const modelPicker = el('select', 'model');
modelPicker.setAttribute('aria-label', 'Model');
const clearButton = el('button', 'secondary', 'Clear history');
header.append(modelPicker, clearButton);
const log = el('section', 'turns');
log.setAttribute('aria-label', 'Conversation');
const status = el('div', 'status');
status.setAttribute('role', 'status');
const form = el('form', 'composer');
const input = el('textarea', 'input');
input.rows = 3;
input.placeholder = 'Ask about your code (Enter to send, Shift+Enter for a new line)';
input.setAttribute('aria-label', 'Message');
const sendButton = el('button', 'primary', 'Send');
sendButton.type = 'submit';
const stopButton = el('button', 'danger', 'Stop');
stopButton.type = 'button';
stopButton.hidden = true;
form.append(input, sendButton, stopButton);
app.replaceChildren(header, log, status, form);

const turns = new Map<string, { turn: ChatTurn; node: HTMLElement; answer: HTMLElement }>();
let streaming: string | undefined;
let pendingRender = new Set<string>();

// --- rendering ------------------------------------------------------------------------------------
function renderAnswer(target: HTMLElement, markdown: string): void {
  target.innerHTML = renderMarkdown(markdown);
  for (const pre of Array.from(target.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    const language = /language-(\S+)/.exec(code?.className ?? '')?.[1] ?? '';
    const bar = el('div', 'code-actions');
    for (const [label, type] of [
      ['Copy', 'copyCode'],
      ['Insert at cursor', 'insertCode'],
      ['Apply…', 'applyCode'],
    ] as const) {
      const button = el('button', 'secondary', label);
      button.addEventListener('click', () => post({ type, code: code?.textContent ?? '', language }));
      bar.append(button);
    }
    pre.before(bar);
  }
}

function describe(turn: ChatTurn): string {
  const parts = [turn.model];
  if (turn.usage) {
    parts.push(`${turn.usage.prompt} + ${turn.usage.completion} tokens`);
  }
  if (turn.outcome === 'stopped') {
    parts.push('stopped');
  }
  return parts.join(' · ');
}

function renderTurn(turn: ChatTurn): void {
  let entry = turns.get(turn.id);
  if (!entry) {
    const node = el('article', 'turn');
    node.dataset['id'] = turn.id;
    const answer = el('div', 'answer');
    entry = { turn, node, answer };
    turns.set(turn.id, entry);
    log.append(node);
  }
  entry.turn = turn;
  const question = el('div', 'question', turn.question);
  const sent = el('details', 'sent');
  const summary = el(
    'summary',
    undefined,
    `Sent · ${turn.redactions} redaction${turn.redactions === 1 ? '' : 's'}`,
  );
  const payload = el('pre', 'payload', turn.sent);
  sent.append(summary, payload);
  if (turn.excluded.length > 0) {
    sent.append(el('p', 'excluded', `Left out: ${turn.excluded.join(', ')}`));
  }
  const meta = el('div', 'meta', describe(turn));
  let answerBlock: HTMLElement = entry.answer;
  if (turn.flagged) {
    // Hidden behind a warning the user can open: flagged output is never shown by default.
    answerBlock = el('details', 'flagged');
    answerBlock.append(
      el(
        'summary',
        undefined,
        `Answer hidden: moderation flagged it (${turn.flagged.join(', ') || 'unspecified'}). Show anyway`,
      ),
      entry.answer,
    );
  }
  const children: HTMLElement[] = [question, sent, answerBlock, meta];
  if (turn.error) {
    children.push(el('div', 'error', turn.error));
  }
  entry.node.className = `turn ${turn.outcome}`;
  entry.node.replaceChildren(...children);
  renderAnswer(entry.answer, turn.answer);
  setStreaming(turn.outcome === 'streaming' ? turn.id : streaming === turn.id ? undefined : streaming);
  entry.node.scrollIntoView({ block: 'end' });
}

function setStreaming(id: string | undefined): void {
  streaming = id;
  stopButton.hidden = id === undefined;
  sendButton.hidden = id !== undefined;
  if (id === undefined) {
    input.focus();
  }
}

function flush(): void {
  for (const id of pendingRender) {
    const entry = turns.get(id);
    if (entry) {
      renderAnswer(entry.answer, entry.turn.answer);
    }
  }
  pendingRender = new Set();
  log.lastElementChild?.scrollIntoView({ block: 'end' });
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'init': {
      modelPicker.replaceChildren(...message.models.map((m) => el('option', undefined, m)));
      modelPicker.value = message.model;
      log.replaceChildren();
      turns.clear();
      message.turns.forEach(renderTurn);
      input.disabled = message.disabledReason !== undefined;
      sendButton.disabled = input.disabled;
      status.textContent = message.disabledReason ?? '';
      break;
    }
    case 'turn':
      renderTurn(message.turn);
      break;
    case 'delta': {
      const entry = turns.get(message.id);
      if (entry) {
        entry.turn = { ...entry.turn, answer: entry.turn.answer + message.text };
        // Coalesce re-renders to one per frame while tokens stream in.
        if (pendingRender.size === 0) {
          requestAnimationFrame(flush);
        }
        pendingRender.add(message.id);
      }
      break;
    }
    case 'status':
      status.textContent = message.text;
      break;
    case 'cleared':
      log.replaceChildren();
      turns.clear();
      break;
  }
}

// --- input ----------------------------------------------------------------------------------------
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text && !streaming) {
    post({ type: 'send', text });
    input.value = '';
  }
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  } else if (event.key === 'Escape' && streaming) {
    post({ type: 'stop' });
  }
});
stopButton.addEventListener('click', () => post({ type: 'stop' }));
clearButton.addEventListener('click', () => post({ type: 'clearHistory' }));
modelPicker.addEventListener('change', () => post({ type: 'setModel', model: modelPicker.value }));
log.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a[data-href]');
  if (link) {
    event.preventDefault();
    post({ type: 'openLink', url: link.getAttribute('data-href') ?? '' });
  }
});

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
post({ type: 'ready' });
input.focus();
