import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { Conversation } from '../pipeline/conversation';
import { prepareForwarded } from './forwardedRequest';

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
});
