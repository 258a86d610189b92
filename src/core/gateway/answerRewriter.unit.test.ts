import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../detect/random';
import { RedactionMap } from '../pipeline/redactionMap';
import { AnswerRewriter } from './answerRewriter';

type Chunk = Record<string, unknown>;
const chunk = (choices: object[]): Chunk => ({
  id: 'c',
  object: 'chat.completion.chunk',
  model: 'm',
  choices,
});

describe('AnswerRewriter', () => {
  const secret = `v-${randomToken(ALNUM, 24)}`;
  const key = `sk-test-${randomToken(ALNUM, 40)}`;
  const map = new RedactionMap();
  const placeholder = map.placeholderFor('github-pat', secret);
  const secrets = [{ value: key, label: 'api-key' }];

  it('keeps the streams of two choices and a tool call apart, and flushes each when its choice finishes', () => {
    const rewriter = new AnswerRewriter(secrets, map);
    const cut = 9;
    const out = [
      chunk([
        { index: 0, delta: { content: `a ${placeholder.slice(0, cut)}` }, finish_reason: null },
        { index: 1, delta: { content: `b ${placeholder.slice(0, 4)}` }, finish_reason: null },
      ]),
      chunk([
        { index: 1, delta: { content: placeholder.slice(4) }, finish_reason: null },
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: `{"t":"${placeholder.slice(0, 3)}` } }] },
          finish_reason: null,
        },
      ]),
      chunk([{ index: 0, delta: { content: placeholder.slice(cut) }, finish_reason: null }]),
      chunk([
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: `${placeholder.slice(3)}"}` } }] },
          finish_reason: 'tool_calls',
        },
      ]),
      chunk([{ index: 1, delta: {}, finish_reason: 'stop' }]),
    ].map((c) => rewriter.chunk(c));
    const text = (index: number): string =>
      out
        .flatMap((c) => c['choices'] as Array<{ index: number; delta: { content?: string } }>)
        .filter((c) => c.index === index)
        .map((c) => c.delta.content ?? '')
        .join('');
    const args = out
      .flatMap(
        (c) => c['choices'] as Array<{ delta: { tool_calls?: Array<{ function: { arguments: string } }> } }>,
      )
      .flatMap((c) => c.delta.tool_calls ?? [])
      .map((t) => t.function.arguments)
      .join('');
    assert.equal(text(0), `a ${secret}`);
    assert.equal(text(1), `b ${secret}`);
    assert.deepEqual(JSON.parse(args), { t: secret });
  });

  it('masks the key anywhere in a whole completion, restores only content and arguments', () => {
    const rewriter = new AnswerRewriter(secrets, map);
    const out = rewriter.completion({
      id: `id ${key}`,
      choices: [
        {
          index: 0,
          message: {
            content: `${placeholder} ${key}`,
            refusal: placeholder,
            tool_calls: [{ function: { name: 'f', arguments: `{"a":"${placeholder}"}` } }],
          },
        },
      ],
    });
    const text = JSON.stringify(out);
    assert.ok(!text.includes(key));
    const message = (out['choices'] as Array<{ message: Record<string, unknown> }>)[0]!.message;
    assert.equal(message['content'], `${secret} ‹redacted:api-key›`);
    assert.equal(message['refusal'], placeholder);
  });
});
