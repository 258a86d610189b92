import * as assert from 'node:assert/strict';
import { ALNUM, BASE64URL, randomToken } from '../random';
import { scan } from '../scanner';
import { discordSample } from './bareBotTokens';
import { inlineDiscordTokens } from './discordInline';

const found = (text: string): string[] => scan(text).map((f) => text.slice(f.start, f.end));

describe('Discord bot tokens in a line, with no keyword', () => {
  it('reports the token in a sentence, after = or (, before !, and glued to two letters on its left', () => {
    for (let i = 0; i < 30; i++) {
      const t = discordSample();
      for (const text of [
        `see ${t} above`,
        `=${t}`,
        `value=${t};`,
        `(${t})`,
        `${t}!${randomToken(ALNUM, 10)}`,
        `AT${t}`,
        `x${t} `,
      ]) {
        assert.deepEqual(found(text), [t], text);
      }
    }
  });

  it('leaves dotted values that break the format', () => {
    for (let i = 0; i < 30; i++) {
      const [id = '', ts = '', mac = ''] = discordSample().split('.');
      const mid = id.slice(1, 24); // 23 characters after the M/N/O
      for (const text of [
        `see ${id.slice(0, 23)}.${ts}.${mac} here`, // id part too short
        `see M${mid}${randomToken(ALNUM, 3)}.${ts}.${mac} here`, // id run of 27: glued too far
        `ATx${id}.${ts}.${mac}`, // glue that lengthens the id run past 26
        `see P${mid}.${ts}.${mac} here`, // not M, N or O
        `see ${id}.${ts}1.${mac} here`, // timestamp of 7
        `see ${id}.${ts}.${mac}${randomToken(BASE64URL, 3)} here`, // MAC of neither length
        `see ${id}.${ts}.${mac}.${ts} here`, // a fourth part
        `see a.${id}.${ts}.${mac} here`, // the tail of a longer dotted name
        `see ${id}.${ts}.${'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'.slice(0, mac.length)} here`, // no MAC
      ]) {
        assert.deepEqual(
          scan(text).filter((f) => f.ruleId === 'discord-bot-token-inline'),
          [],
          text,
        );
      }
    }
  });

  it('leaves a token alone on its line to the bare rule, and one after a keyword to the keyword rule', () => {
    const t = discordSample();
    assert.deepEqual(
      scan(`notes\n${t}\n`).map((f) => f.ruleId),
      ['discord-bot-token-bare'],
    );
    assert.deepEqual(
      scan(`DISCORD_TOKEN=${t}`).map((f) => f.ruleId),
      ['discord-bot-token'],
    );
  });

  it('reports only tokens that start in [from, to)', () => {
    const t = discordSample();
    const text = `a ${t} b ${t} c`;
    const second = text.lastIndexOf(t);
    assert.deepEqual(
      inlineDiscordTokens(text, 0, second).map((f) => f.start),
      [2],
    );
    assert.deepEqual(
      inlineDiscordTokens(text, 3, text.length).map((f) => f.start),
      [second],
    );
  });
});
