import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import type { RecallDetector } from '../detect/recall/recallSpan';
import { Conversation } from './conversation';
import { guardPayload } from './guard';
import { prepareRequest } from './prepare';
import { redactText } from './redact';
import { RedactionMap } from './redactionMap';

const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));
const ENDPOINT = 'https://api.example.com/v1/orders';

/** An endpoint given beside a token (the credential-companion detector hides it there) and again alone. */
function source(token: string): string {
  return [
    `const endpoint = '${ENDPOINT}';`,
    `const token = "${token}";`,
    '',
    'export function list(): Promise<Response> {',
    `  return fetch('${ENDPOINT}');`,
    '}',
    '',
  ].join('\n');
}

/** Hides every occurrence of `word` where it stands alone, as a detector of the tier would. */
const hideFirst =
  (word: string): RecallDetector =>
  (text, out) => {
    const at = text.indexOf(word);
    if (at !== -1) {
      out.push({ start: at, end: at + word.length, kind: 'password' });
    }
  };

describe('a hidden value is hidden at every occurrence', () => {
  it('hides a value detected once and present twice, with one placeholder, and restores both', () => {
    const token = pat();
    const text = source(token);
    const map = new RedactionMap();
    const result = redactText(text, map);
    assert.ok(!result.text.includes(ENDPOINT), result.text);
    assert.ok(!result.text.includes(token));
    const companions = result.redactions.filter((r) => r.ruleId === 'credential-companion');
    assert.equal(companions.length, 2);
    assert.equal(companions[0]!.placeholder, companions[1]!.placeholder);
    assert.equal(result.text.split(companions[0]!.placeholder).length - 1, 2);
    assert.deepEqual(
      companions.map((r) => text.slice(r.start, r.end)),
      [ENDPOINT, ENDPOINT],
    );
    assert.equal(map.restore(result.text), text);
  });

  it('hides a value another part of the request hid, and the guard lets it go', () => {
    const token = pat();
    const conversation = new Conversation();
    const prepared = prepareRequest(
      conversation,
      {
        prompt: `Why does ${ENDPOINT} time out?`,
        model: 'gpt-4o-mini',
        attachments: [{ path: 'src/orders.ts', text: source(token) }],
      },
      {},
    );
    assert.equal(prepared.kind, 'ready');
    if (prepared.kind !== 'ready') {
      return;
    }
    assert.ok(!prepared.serialized.includes(ENDPOINT));
    const placeholder = conversation.map.lookup(ENDPOINT)!;
    assert.equal(prepared.prompt, `Why does ${placeholder} time out?`);
    assert.deepEqual(
      prepared.redactions.filter((r) => r.ruleId === 'credential-companion').map((r) => r.source),
      ['prompt', 'src/orders.ts', 'src/orders.ts'],
    );
    assert.ok(guardPayload(prepared.serialized, [], conversation.map.values()).ok);
    assert.ok(conversation.map.restore(prepared.userMessage).includes(source(token)));
  });

  it('hides a value an earlier turn hid, under the same placeholder', () => {
    const conversation = new Conversation();
    const input = { model: 'gpt-4o-mini' };
    const first = prepareRequest(
      conversation,
      { ...input, prompt: 'See this.', attachments: [{ path: 'a.ts', text: source(pat()) }] },
      {},
    );
    assert.equal(first.kind, 'ready');
    const second = prepareRequest(conversation, { ...input, prompt: `And ${ENDPOINT}?` }, {});
    assert.equal(second.kind, 'ready');
    assert.equal(second.kind === 'ready' && second.prompt, `And ${conversation.map.lookup(ENDPOINT)!}?`);
  });

  it("prepares the bench's request: a 100 KB file with tokens beside a common endpoint", () => {
    const lines = [
      'export function total(items: readonly Item[]): number {',
      `const endpoint = '${ENDPOINT}';`,
      '// Keep the retry budget small: the caller shows a spinner meanwhile.',
    ];
    let text = '';
    for (let i = 0; text.length < 100 * 1024; i++) {
      text += `${lines[i % lines.length]!}\n`;
      if (i % 400 === 200) {
        text += `const token = "${pat()}";\n`;
      }
    }
    const conversation = new Conversation();
    const prepared = prepareRequest(
      conversation,
      { prompt: 'Review this.', model: 'gpt-4o-mini', attachments: [{ path: 'src/orders.ts', text }] },
      {},
    );
    assert.equal(prepared.kind, 'ready', prepared.kind === 'blocked' ? prepared.message : '');
    if (prepared.kind === 'ready') {
      assert.ok(!prepared.serialized.includes(ENDPOINT));
      assert.ok(conversation.map.restore(prepared.userMessage).includes(text));
    }
  });

  it('carries a short value to where it stands as a word, not into other words', () => {
    const text = 'order = ord\nconst orders = [order];\n';
    const result = redactText(text, new RedactionMap(), { recallDetectors: [hideFirst('ord')] });
    assert.equal(result.redactions.length, 2);
    assert.equal(result.text, '‹secret:password#1›er = ‹secret:password#1›\nconst orders = [order];\n');
  });

  it('sends a short password the prompt repeats, hidden, instead of refusing the request', () => {
    const password = `h${randomToken(ALNUM, 5)}`;
    const conversation = new Conversation();
    const prompt = [
      `DB_PASSWORD=${password}`,
      `mysql -u app -p${password} orders`,
      `Why is ${password} rejected? ${password}Count and my${password}x are other words.`,
    ].join('\n');
    const prepared = prepareRequest(conversation, { prompt, model: 'gpt-4o-mini' }, {});
    assert.equal(prepared.kind, 'ready', prepared.kind === 'blocked' ? prepared.message : '');
    if (prepared.kind !== 'ready') {
      return;
    }
    const placeholder = conversation.map.lookup(password)!;
    assert.ok(placeholder, 'the password was hidden');
    assert.equal(prepared.prompt.split(placeholder).length - 1, 3, prepared.prompt);
    assert.ok(prepared.prompt.includes(`${password}Count and my${password}x`), prepared.prompt);
    assert.ok(guardPayload(prepared.serialized, [], conversation.map.values()).ok);
    assert.equal(conversation.map.restore(prepared.prompt), prompt);
  });

  it('still refuses a request where a short hidden value stands as a word, unhidden', () => {
    const password = `h${randomToken(ALNUM, 5)}`;
    const serialized = JSON.stringify({ messages: [{ role: 'user', content: `try ${password} again` }] });
    assert.deepEqual(guardPayload(serialized, [], [password]).leaked, ['detected']);
    const glued = JSON.stringify({ messages: [{ role: 'user', content: `mysql -p${password} db` }] });
    assert.equal(guardPayload(glued, [], [password]).ok, false);
    const inside = JSON.stringify({ messages: [{ role: 'user', content: `${password}Count` }] });
    assert.equal(guardPayload(inside, [], [password]).ok, true);
  });

  it('leaves through a value the user allowed, even one an earlier turn hid', () => {
    const value = `hunter-${randomToken(ALNUM, 12)}`;
    const map = new RedactionMap();
    const probe = redactText(`x ${value}`, map, { recallDetectors: [hideFirst(value)] });
    const again = redactText(`y ${value}`, map, {
      recallDetectors: [],
      hidden: map.secrets(),
      allow: new Set([probe.redactions[0]!.fingerprint]),
    });
    assert.equal(again.text, `y ${value}`);
    const hidden = redactText(`y ${value}`, map, { recallDetectors: [], hidden: map.secrets() });
    assert.equal(hidden.text, 'y ‹secret:password#1›');
  });
});
