// Why the saved turns are drawn into the page itself: after a window reload the webview's script arrives through
// the webview resource loader, hundreds of milliseconds after its document starts (more on a loaded machine), and
// the panel stayed blank until it ran. Written as static HTML, the turns show at the first paint; the script then
// takes them over (chat.ts) and draws them again with Markdown, code actions and focus.
//
// What goes in is what the webview would show anyway: the turns are redacted before they are stored (placeholders,
// never a value), and every string is escaped here, so no turn can add markup, a script or an attribute. The page's
// CSP stays as it is: this adds no script and no inline style.
//
// No vscode import: unit-tested in plain Node.
import { PAGE_TURNS_ELEMENT_ID } from '../../protocol/firstState';
import { placeholderTitle, splitPlaceholders } from '../../protocol/placeholders';
import { describeTurn, flaggedSummary, isDryRun, sentSummary } from '../../protocol/turnText';
import type { ChatTurn } from '../../protocol/webview';

/**
 * Only the last turns are drawn: they are what a reloaded panel shows (it is scrolled to the end), and the page
 * stays small with a long history. The script draws every turn once it runs.
 */
export const PAGE_TURNS = 20;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe as element content and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** An element with escaped text, or with `inner` (already escaped HTML) when given. */
function element(tag: string, className: string, inner: string): string {
  return `<${tag} class="${className}">${inner}</${tag}>`;
}

/** `text` escaped, with each placeholder in a span that carries its tooltip, as the script's `markPlaceholders`. */
export function textWithPlaceholders(text: string): string {
  return splitPlaceholders(text)
    .map((piece) =>
      piece.kind === 'text'
        ? escapeHtml(piece.text)
        : `<span class="placeholder" title="${escapeHtml(placeholderTitle(piece.rule, piece.n, true))}" tabindex="0">${escapeHtml(piece.text)}</span>`,
    )
    .join('');
}

/**
 * One turn as the script draws it (chat.ts `renderTurn`), but with the answer as plain text: Markdown is the
 * script's job (markdown-it and DOMPurify live in the webview bundle), and plain text shows the same words.
 */
export function turnHtml(turn: ChatTurn): string {
  const parts = [element('h3', 'question', textWithPlaceholders(turn.question))];
  if (turn.about) {
    parts.push(element('div', 'about', escapeHtml(turn.about)));
  }
  const excluded =
    turn.excluded.length > 0
      ? element('p', 'excluded', escapeHtml(`Left out: ${turn.excluded.join(', ')}`))
      : '';
  parts.push(
    element(
      'details',
      'sent',
      `<summary>${escapeHtml(sentSummary(turn))}</summary>${element('pre', 'payload', textWithPlaceholders(turn.sent))}${excluded}`,
    ),
  );
  const answer = element(
    'div',
    `answer plain${isDryRun(turn) ? ' dry-run' : ''}`,
    textWithPlaceholders(turn.answer),
  );
  parts.push(
    turn.flagged
      ? element(
          'details',
          'flagged',
          `<summary>${escapeHtml(flaggedSummary(turn.flagged))}</summary>${answer}`,
        )
      : answer,
  );
  parts.push(element('div', 'meta', escapeHtml(describeTurn(turn))));
  if (turn.error) {
    parts.push(element('div', 'error', escapeHtml(turn.error)));
  }
  // The id is the host's own (`t<number>`), escaped all the same.
  return `<article class="turn ${escapeHtml(turn.outcome)}" data-id="${escapeHtml(turn.id)}">${parts.join('')}</article>`;
}

/**
 * The conversation as static HTML for the page's body, or '' with no turns (the script shows the welcome). The
 * turns sit in one inner block of a column-reverse list, so the panel opens scrolled to the newest turn, as the
 * script leaves it, though no script has run.
 */
export function pageTurnsHtml(turns: readonly ChatTurn[]): string {
  if (turns.length === 0) {
    return '';
  }
  const shown = turns.slice(-PAGE_TURNS).map(turnHtml).join('\n');
  return `<section class="turns page-turns" id="${PAGE_TURNS_ELEMENT_ID}" aria-label="Conversation"><div>\n${shown}\n</div></section>`;
}
