import { FIRST_STATE_ELEMENT_ID, PAGE_TURNS_ELEMENT_ID, SCRIPT_MARKS } from '../protocol/firstState';
import type { ChatTurn, HostToWebview, PastChat, ProfileState, WebviewToHost } from '../protocol/webview';
import { describeTurn, flaggedSummary, isDryRun, sentSummary } from '../protocol/turnText';
import { button, el } from './dom';
import { renderMarkdown } from './markdown';
import { attachmentChips, historyList, viewingBanner, welcome } from './panels';
import { markPlaceholders, wrapToggle } from './decorate';
import { badgeText, badgeTitle } from './welcomeText';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewToHost): void => vscode.postMessage(message);

// --- layout ---------------------------------------------------------------------------------------
const app = document.getElementById('app') ?? document.body;
// The saved turns the host drew into the page (static HTML, pageTurns.ts), shown before this script ran. They
// stay in the list until a first state replaces them, so the panel never goes blank in between.
const drawn = Array.from(document.getElementById(PAGE_TURNS_ELEMENT_ID)?.firstElementChild?.children ?? []);
const header = el('header', 'toolbar');
const badge = el('span', 'badge', badgeText(undefined));
badge.setAttribute('role', 'status');
const modelPicker = el('select', 'model');
modelPicker.setAttribute('aria-label', 'Model');
const newChatButton = button('New Chat', 'secondary', () => post({ type: 'newChat' }));
const clearButton = button('Clear history', 'secondary', () => post({ type: 'clearHistory' }));
header.append(badge, modelPicker, newChatButton, clearButton);
let history = historyList([], post);
const banner = el('div', 'banner-slot');
const log = el('section', 'turns');
log.setAttribute('aria-label', 'Conversation');
const status = el('div', 'status');
status.setAttribute('role', 'status');
const chips = el('div', 'chips');
const attachBar = el('div', 'attach');
attachBar.append(
  button('Attach selection', 'secondary', () => post({ type: 'attachSelection' })),
  button('Attach file…', 'secondary', () => post({ type: 'attachFile' })),
  chips,
);
const form = el('form', 'composer');
const input = el('textarea', 'input');
input.rows = 3;
input.placeholder = 'Ask about your code (Enter to send, Shift+Enter for a new line)';
input.setAttribute('aria-label', 'Message');
// The browser must keep no copy of what is typed: with autocomplete off, Chromium neither saves the field's
// state for session restore (found: a pasted key in the profile's Sessions file) nor offers it as a suggestion.
input.autocomplete = 'off';
input.spellcheck = false;
const sendButton = el('button', 'primary', 'Send');
sendButton.type = 'submit';
const stopButton = button('Stop', 'danger', () => post({ type: 'stop' }));
stopButton.hidden = true;
form.append(input, sendButton, stopButton);
app.replaceChildren(header, history, banner, log, status, attachBar, form);
log.append(...drawn);

const turns = new Map<string, { turn: ChatTurn; node: HTMLElement; answer: HTMLElement }>();
let streaming: string | undefined;
let pendingRender = new Set<string>();
let profileState: ProfileState | undefined;
let viewing: PastChat | undefined;
let disabledReason: string | undefined;

// --- rendering ------------------------------------------------------------------------------------
function renderAnswer(target: HTMLElement, turn: ChatTurn): void {
  target.innerHTML = renderMarkdown(turn.answer);
  // The dry-run "answer" is the exact payload, not code to use: no Copy/Insert/Apply, and it wraps.
  const dryRun = isDryRun(turn);
  target.classList.toggle('dry-run', dryRun);
  for (const pre of Array.from(target.querySelectorAll('pre'))) {
    const code = pre.querySelector('code');
    const language = /language-(\S+)/.exec(code?.className ?? '')?.[1] ?? '';
    const bar = el('div', 'code-actions');
    if (dryRun) {
      pre.classList.add('wrap');
    } else if (viewing === undefined) {
      for (const [label, type] of [
        ['Copy', 'copyCode'],
        ['Insert at cursor', 'insertCode'],
        ['Apply…', 'applyCode'],
      ] as const) {
        bar.append(button(label, 'secondary', () => post({ type, code: code?.textContent ?? '', language })));
      }
    }
    bar.prepend(wrapToggle(pre));
    pre.before(bar);
  }
  markPlaceholders(target, viewing === undefined);
}

function renderTurn(turn: ChatTurn): void {
  let entry = turns.get(turn.id);
  if (!entry) {
    const node = el('article', 'turn');
    node.dataset['id'] = turn.id;
    const answer = el('div', 'answer');
    entry = { turn, node, answer };
    turns.set(turn.id, entry);
    log.querySelector('.welcome')?.remove();
    log.append(node);
  }
  entry.turn = turn;
  // The question (redacted, as sent) is the heading; what it was about sits under it.
  const question = el('h3', 'question', turn.question);
  markPlaceholders(question, viewing === undefined);
  const children: HTMLElement[] = [question];
  if (turn.about) {
    children.push(el('div', 'about', turn.about));
  }
  const sent = el('details', 'sent');
  const summary = el('summary', undefined, sentSummary(turn));
  const payload = el('pre', 'payload', turn.sent);
  markPlaceholders(payload, viewing === undefined);
  sent.append(summary, payload);
  if (turn.excluded.length > 0) {
    sent.append(el('p', 'excluded', `Left out: ${turn.excluded.join(', ')}`));
  }
  let answerBlock: HTMLElement = entry.answer;
  if (turn.flagged) {
    // Hidden behind a warning the user can open: flagged output is never shown by default.
    answerBlock = el('details', 'flagged');
    answerBlock.append(el('summary', undefined, flaggedSummary(turn.flagged)), entry.answer);
  }
  children.push(sent, answerBlock, el('div', 'meta', describeTurn(turn)));
  if (turn.error) {
    children.push(el('div', 'error', turn.error));
  }
  entry.node.className = `turn ${turn.outcome}`;
  entry.node.replaceChildren(...children);
  renderAnswer(entry.answer, turn);
  setStreaming(turn.outcome === 'streaming' ? turn.id : streaming === turn.id ? undefined : streaming);
  entry.node.scrollIntoView({ block: 'end' });
}

function setStreaming(id: string | undefined): void {
  streaming = id;
  stopButton.hidden = id === undefined;
  sendButton.hidden = id !== undefined;
  if (id === undefined && !input.disabled) {
    input.focus();
  }
}

function showWelcomeIfEmpty(): void {
  log.querySelector('.welcome')?.remove();
  // Not over turns drawn by the host: the first state, which replaces them, decides.
  if (turns.size === 0 && viewing === undefined && !log.querySelector('.turn')) {
    log.append(welcome(profileState, post));
  }
}

function setProfileState(state: ProfileState | undefined): void {
  profileState = state;
  badge.textContent = badgeText(state);
  badge.title = badgeTitle(state);
  badge.dataset['key'] = state?.key ?? 'unknown';
  showWelcomeIfEmpty();
}

function setComposer(): void {
  const reason = viewing ? 'This is an earlier chat: read-only.' : disabledReason;
  input.disabled = reason !== undefined;
  sendButton.disabled = input.disabled;
  attachBar.hidden = input.disabled;
  status.textContent = reason ?? '';
}

function flush(): void {
  for (const id of pendingRender) {
    const entry = turns.get(id);
    if (entry) {
      renderAnswer(entry.answer, entry.turn);
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
      viewing = message.viewing;
      disabledReason = message.disabledReason;
      banner.replaceChildren(...(viewing ? [viewingBanner(viewing, post)] : []));
      const list = historyList(message.past ?? [], post);
      history.replaceWith(list);
      history = list;
      chips.replaceChildren(...attachmentChips(message.attachments ?? [], post));
      log.replaceChildren();
      turns.clear();
      message.turns.forEach(renderTurn);
      setProfileState(message.state);
      setComposer();
      if (performance.getEntriesByName(SCRIPT_MARKS.drawn).length === 0) {
        performance.mark(SCRIPT_MARKS.drawn); // the load timeline: the first state's turns are drawn
      }
      break;
    }
    case 'profileState':
      setProfileState(message.state);
      break;
    case 'attachments':
      chips.replaceChildren(...attachmentChips(message.attachments, post));
      break;
    case 'pastChats': {
      const list = historyList(message.past, post);
      history.replaceWith(list);
      history = list;
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
      showWelcomeIfEmpty();
      break;
  }
}

// --- input ----------------------------------------------------------------------------------------
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text && !streaming && !input.disabled) {
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
modelPicker.addEventListener('change', () => post({ type: 'setModel', model: modelPicker.value }));
log.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a[data-href]');
  if (link) {
    event.preventDefault();
    post({ type: 'openLink', url: link.getAttribute('data-href') ?? '' });
  }
});

/** The first state the host wrote into the page, so that a reloaded view shows its turns at once. */
function embeddedState(): HostToWebview | undefined {
  const text = document.getElementById(FIRST_STATE_ELEMENT_ID)?.textContent;
  try {
    const state = text ? (JSON.parse(text) as HostToWebview) : undefined;
    return state?.type === 'init' ? state : undefined;
  } catch {
    return undefined; // `ready` brings the state all the same
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
showWelcomeIfEmpty();
const firstState = embeddedState();
if (firstState) {
  receive(firstState);
}
log.lastElementChild?.scrollIntoView({ block: 'end' });
post({ type: 'ready' });
input.focus();
