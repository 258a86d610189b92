import * as assert from 'node:assert/strict';
import { ALNUM, BASE64URL, randomToken } from '../random';
import { scan, scanRange } from '../scanner';
import { discordSample, telegramSample } from './bareBotTokens';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('bare bot tokens (a token alone on its line)', () => {
  it('reports a Discord bot token alone on a line, in a file of other lines', () => {
    for (let i = 0; i < 20; i++) {
      const t = discordSample();
      const text = `# bot for the test server\n${t}\n`;
      const found = scan(text);
      assert.deepEqual(
        found.map((f) => f.ruleId),
        ['discord-bot-token-bare'],
        text,
      );
      assert.equal(text.slice(found[0]!.start, found[0]!.end), t);
    }
  });

  it('leaves Discord-shaped values that break the format or share their line', () => {
    for (let i = 0; i < 20; i++) {
      const [id = '', ts = '', mac = ''] = discordSample().split('.');
      for (const text of [
        `${id.slice(0, 23)}.${ts}.${mac}`, // id part too short
        `${id}${randomToken(ALNUM, 3)}.${ts}.${mac}`, // id part too long
        `P${id.slice(1)}.${ts}.${mac}`, // not base64 of a digit
        `${id}.${ts}.${mac}${randomToken(BASE64URL, 3)}`, // MAC of neither length
        `${id}.${ts}.${mac}.${ts}`, // a fourth part
        `see ${id}.${ts}.${mac} above`, // not alone on its line
        `${id}.${ts}.${'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'.slice(0, mac.length)}`, // no MAC
      ]) {
        assert.ok(!ids(text).includes('discord-bot-token-bare'), text);
      }
    }
  });

  it('reports a Telegram bot token alone on a line, quoted or not', () => {
    for (let i = 0; i < 20; i++) {
      const t = telegramSample();
      for (const text of [t, `"${t}"`, `first line\n  ${t}\nlast line`]) {
        const found = scan(text);
        assert.deepEqual(
          found.map((f) => f.ruleId),
          ['telegram-bot-token-bare'],
          text,
        );
        assert.equal(text.slice(found[0]!.start, found[0]!.end), t);
      }
    }
  });

  it('leaves Telegram-shaped values that break the format or share their line', () => {
    for (let i = 0; i < 20; i++) {
      const t = telegramSample();
      const [id = '', secret = ''] = t.split(':');
      for (const text of [
        `${id.slice(0, 7)}:${secret}`, // bot id too short
        `${id}1:${secret}`, // bot id too long
        `abc${id.slice(3)}:${secret}`, // bot id not numeric
        `${id}:${secret.slice(1)}`, // secret too short
        `${id}:${secret.toLowerCase()}`, // one case only: a word list, not a token
        `time ${id}:${secret}`, // not alone on its line
        `arn:aws:sns:us-east-1:${id}:${secret}`,
      ]) {
        assert.ok(!ids(text).includes('telegram-bot-token-bare'), text);
      }
    }
  });

  it('looks only at lines in the scanned range, once each, on a long file', () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      i % 100 === 7 ? telegramSample() : `line ${i} of text`,
    );
    const found = scan(lines.join('\n')).filter((f) => f.ruleId === 'telegram-bot-token-bare');
    assert.equal(found.length, 20);
  });
  it('finds both kinds in one text, whose line pass they share, and a range scan after a whole one', () => {
    for (let i = 0; i < 10; i++) {
      const discord = discordSample();
      const telegram = telegramSample();
      const text = `# bots\n${discord}\nsome code();\n  '${telegram}'\n`;
      const found = scan(text);
      assert.deepEqual(
        found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
        [
          ['discord-bot-token-bare', discord],
          ['telegram-bot-token-bare', telegram],
        ],
        text,
      );
      // The same text again, over its last two lines only: the pass over the whole text is not reused.
      const range = scanRange(text, 3, 3);
      assert.deepEqual(
        range.findings.map((f) => f.ruleId),
        ['telegram-bot-token-bare'],
        text,
      );
    }
  });
});
