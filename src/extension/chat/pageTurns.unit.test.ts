import * as assert from 'node:assert/strict';
import { PAGE_TURNS_ELEMENT_ID } from '../../protocol/firstState';
import { placeholderTitle } from '../../protocol/placeholders';
import type { ChatTurn } from '../../protocol/webview';
import { PAGE_TURNS, escapeHtml, pageTurnsHtml, textWithPlaceholders, turnHtml } from './pageTurns';

function turn(over: Partial<ChatTurn> = {}): ChatTurn {
  return {
    id: 't1',
    question: 'Why?',
    answer: 'Because.',
    sent: 'Why?',
    redactions: 0,
    excluded: [],
    model: 'gpt-4o-mini',
    outcome: 'done',
    ...over,
  };
}

/** The tags the drawn turns may hold, and the attributes they may carry: nothing a turn's text can add. */
const TAGS = new Set(['article', 'h3', 'div', 'details', 'summary', 'pre', 'p', 'span', 'section']);
const TAG = /^<\/?([a-z0-9]+)((?: (?:class|id|title|tabindex|data-id|aria-label)="[^"<>]*")*)>$/;

/** Every tag in `html`, checked against the allowlist; the text between them, with the entities decoded. */
function parse(html: string): { tags: string[]; text: string } {
  const tags: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    const match = TAG.exec(tag);
    assert.ok(match && TAGS.has(match[1] ?? ''), `unexpected markup: ${tag}`);
    tags.push(match[1] ?? '');
  }
  assert.doesNotMatch(html.replace(/<[^>]*>/g, ''), /[<>]/, 'a bare < or > outside a tag');
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return { tags, text };
}

describe('the saved turns drawn into the chat page before its script runs', () => {
  const hostile = [
    '</script><script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    `" onmouseover='alert(1)' x="`,
    '<!-- open comment',
    'line\u2028separator\u2029paragraph & ampersand',
  ].join('\n');

  it('escapes every text of a turn: no tag, attribute or comment can come from it, and the words stay', () => {
    const html = turnHtml(
      turn({
        id: 't"7',
        question: hostile,
        answer: hostile,
        sent: hostile,
        about: hostile,
        error: hostile,
        excluded: [hostile],
        model: hostile,
        flagged: [hostile],
        outcome: 'error',
      }),
    );
    const { text } = parse(html);
    assert.ok(!html.includes('<script'), 'no script element');
    assert.ok(!html.includes('<img'), 'no image element');
    assert.ok(!html.includes('<!--'), 'no comment');
    // Each field's words are all there, decoded: the question, the payload, the answer, about, error...
    assert.ok(text.split(hostile).length - 1 >= 6, 'the text is shown as text');
    assert.ok(text.includes('\u2028') && text.includes('\u2029'), 'line separators are kept as text');
    assert.match(html, /data-id="t&quot;7"/);
  });

  it('escapes the five characters HTML gives a meaning, and nothing else', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>\u2028`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\u2028',
    );
  });

  it('puts each placeholder in a span with its tooltip, as the script does', () => {
    const html = textWithPlaceholders('use ‹secret:github-pat#2› and <b>‹secret:openai-api-key#1›</b>');
    parse(html);
    const spans = [
      ...html.matchAll(/<span class="placeholder" title="([^"]*)" tabindex="0">([^<]*)<\/span>/g),
    ];
    assert.deepEqual(
      spans.map((m) => m[2]),
      ['‹secret:github-pat#2›', '‹secret:openai-api-key#1›'],
    );
    assert.equal(spans[0]?.[1], escapeHtml(placeholderTitle('github-pat', 2, true)));
    assert.match(spans[0]?.[1] ?? '', /2nd distinct value/);
    assert.match(spans[0]?.[1] ?? '', /Restored locally on Insert/);
    assert.ok(html.includes('&lt;b&gt;'), 'markup around a placeholder stays text');
  });

  it("draws a turn's parts: the question as heading, the Sent disclosure, the answer as plain text, the meta line", () => {
    const html = turnHtml(
      turn({
        question: 'Q ‹secret:github-pat#1›',
        answer: '**bold**',
        redactions: 1,
        about: 'Ask about: a.ts',
      }),
    );
    const { tags } = parse(html);
    assert.deepEqual(tags.slice(0, 2), ['article', 'h3']);
    assert.match(html, /^<article class="turn done" data-id="t1">/);
    assert.match(html, /<div class="about">Ask about: a\.ts<\/div>/);
    assert.match(html, /<summary>Sent · 1 redaction<\/summary>/);
    assert.match(html, /<div class="answer plain">\*\*bold\*\*<\/div>/);
    assert.match(html, /<div class="meta">gpt-4o-mini<\/div>/);
  });

  it('hides a flagged answer behind its warning, and marks a dry run', () => {
    const flagged = turnHtml(turn({ flagged: ['violence'] }));
    assert.match(
      flagged,
      /<details class="flagged"><summary>Answer hidden: moderation flagged it \(violence\)\. Show anyway<\/summary><div class="answer plain">/,
    );
    const dry = turnHtml(turn({ dryRun: true }));
    assert.match(dry, /<div class="answer plain dry-run">/);
  });

  it('draws the last turns only, in order, in the element the script takes over; nothing with no turns', () => {
    assert.equal(pageTurnsHtml([]), '');
    const turns = Array.from({ length: PAGE_TURNS + 5 }, (_, i) =>
      turn({ id: `t${i + 1}`, question: `q${i + 1}` }),
    );
    const html = pageTurnsHtml(turns);
    parse(html);
    assert.ok(html.startsWith(`<section class="turns page-turns" id="${PAGE_TURNS_ELEMENT_ID}"`));
    const ids = [...html.matchAll(/data-id="(t\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ids,
      turns.slice(-PAGE_TURNS).map((t) => t.id),
    );
  });
});
