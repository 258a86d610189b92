import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { Conversation } from '../pipeline/conversation';
import { redactText } from '../pipeline/redact';
import { RedactionMap } from '../pipeline/redactionMap';
import { prepareForwarded } from './forwardedRequest';
import { RedactionCache } from './redactionCache';

const ENDPOINT = 'https://api.example.com/v1/orders';
/** An endpoint given beside a token: the credential-companion detector hides it there, and only there. */
const source = (token: string): string =>
  [`const endpoint = '${ENDPOINT}';`, `const token = "${token}";`, `fetch(endpoint);`, ''].join('\n');
/** Long enough for the cache to remember it. */
const QUESTION = `Why does ${ENDPOINT} time out when the service is under load, and how should I retry?`;

describe('prepareForwarded', () => {
  const token = (): string => githubToken('ghp', randomToken(ALNUM, 30));

  it('redacts text, tool-call arguments, tool results and image URLs, but leaves ids and inline media alone', () => {
    const [inText, inArgs, inTool, inUrl] = [token(), token(), token(), token()];
    const media = `data:image/png;base64,${Buffer.from(randomToken(ALNUM, 60)).toString('base64')}`;
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: `use ${inText}` },
            { type: 'image_url', image_url: { url: `https://example.com/a.png?token=${inUrl}` } },
            { type: 'image_url', image_url: { url: media } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'f', arguments: `{"t":"${inArgs}"}` } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: `ok ${inTool}` },
      ],
    };
    const ready = prepareForwarded(body, new Conversation(), {}, []);
    assert.equal(ready.kind, 'ready');
    const sent = ready.kind === 'ready' ? ready.serialized : '';
    for (const secret of [inText, inArgs, inTool, inUrl]) {
      assert.ok(!sent.includes(secret));
    }
    assert.ok(sent.includes(media) && sent.includes('"tool_call_id":"call_1"'));
    assert.equal(ready.redactions.length, 4);
  });

  it("blocks under 'block' and 'ask' without numbering placeholders, and guards the client's own token", () => {
    const conversation = new Conversation();
    const body = { model: 'm', messages: [{ role: 'user', content: `x ${token()}` }] };
    for (const policy of ['block', 'ask'] as const) {
      const blocked = prepareForwarded(body, conversation, { policy }, []);
      assert.equal(blocked.kind, 'blocked');
      assert.equal(conversation.map.size, 0);
    }
    const clientToken = `sgpt-gw-${randomToken(ALNUM, 43)}`;
    const ready = prepareForwarded({ model: 'm', input: `my token ${clientToken}` }, conversation, {}, [
      clientToken,
    ]);
    assert.ok(ready.kind === 'ready' && !ready.serialized.includes(clientToken));
  });

  it('hides a value one message hid in every other message too, under one placeholder, past the cache', () => {
    const conversation = new Conversation();
    const cache = new RedactionCache();
    const first = { model: 'm', messages: [{ role: 'user', content: QUESTION }] };
    // Nothing hides the endpoint yet: it is sent, and the cache remembers the question as it was.
    assert.ok(prepareForwarded(first, conversation, {}, [], cache).kind === 'ready');
    const secret = token();
    const body = {
      model: 'm',
      messages: [
        ...first.messages,
        { role: 'user', content: [{ type: 'text', text: source(secret) }] },
        { role: 'assistant', content: `It calls ${ENDPOINT}.` },
      ],
    };
    const ready = prepareForwarded(body, conversation, {}, [], cache);
    assert.equal(ready.kind, 'ready', ready.kind === 'blocked' ? ready.message : '');
    if (ready.kind !== 'ready') {
      return;
    }
    const placeholder = conversation.map.lookup(ENDPOINT)!;
    assert.ok(placeholder && !ready.serialized.includes(ENDPOINT) && !ready.serialized.includes(secret));
    const sent = ready.params as unknown as { messages: Array<{ content: unknown }> };
    assert.equal(sent.messages[0]!.content, QUESTION.replace(ENDPOINT, placeholder));
    assert.equal(sent.messages[2]!.content, `It calls ${placeholder}.`);
    assert.ok(JSON.stringify(sent.messages[1]!.content).includes(placeholder));
    assert.deepEqual(
      ready.redactions.filter((r) => r.ruleId === 'credential-companion').map((r) => r.source),
      ['messages[0].content', 'messages[1].content[0].text', 'messages[2].content'],
    );
    // The model's answer names the placeholder; the client gets the endpoint back.
    assert.equal(
      conversation.map.restore(`Retry ${placeholder} with backoff.`),
      `Retry ${ENDPOINT} with backoff.`,
    );
    assert.equal(conversation.map.restore(ready.serialized), JSON.stringify(body));
  });

  it('leaves a request whose messages share no hidden value as each message redacts alone', () => {
    const [a, b] = [token(), token()];
    const body = {
      model: 'm',
      messages: [
        { role: 'user', content: `first ${a} then ${QUESTION}` },
        { role: 'user', content: `second ${b}` },
      ],
    };
    const ready = prepareForwarded(body, new Conversation(), {}, []);
    assert.equal(ready.kind, 'ready');
    const map = new RedactionMap();
    const alone = {
      ...body,
      messages: body.messages.map((m) => ({ ...m, content: redactText(m.content, map).text })),
    };
    assert.equal(ready.kind === 'ready' && ready.serialized, JSON.stringify(alone));
    assert.ok(ready.kind === 'ready' && ready.serialized.includes(ENDPOINT));
  });

  it('hides a short password an agent repeats in a later message, where it stands as a word', () => {
    const password = `h${randomToken(ALNUM, 5)}`;
    const body = {
      model: 'm',
      messages: [
        { role: 'user', content: `DB_PASSWORD=${password}` },
        { role: 'user', content: `Why is ${password} rejected, unlike ${password}Count?` },
      ],
    };
    const conversation = new Conversation();
    const ready = prepareForwarded(body, conversation, {}, []);
    assert.equal(ready.kind, 'ready', ready.kind === 'blocked' ? ready.message : '');
    const placeholder = conversation.map.lookup(password)!;
    const sent = (ready.kind === 'ready' ? ready.params : {}) as { messages?: Array<{ content: string }> };
    assert.equal(sent.messages?.[1]?.content, `Why is ${placeholder} rejected, unlike ${password}Count?`);
  });
});
