import * as assert from 'node:assert/strict';
import { ALNUM, BASE64URL, randomToken } from '../random';
import { seededInts } from '../../../../test/support/seededRandom';
import { requiredRun } from '../requiredRun';
import { scan, scanRange } from '../scanner';
import { TOKEN_RUN } from '../tokenRuns';
import { bareBotTokenRules, discordSample, telegramSample } from './bareBotTokens';

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

  it('holds formats whose tokens all hold a long token run, the only places its line pass reads', () => {
    for (const rule of bareBotTokenRules) {
      assert.ok(requiredRun(rule.pattern) >= TOKEN_RUN, rule.id);
    }
    // A line of the formats' characters without such a run is not read at all (none is found there).
    assert.deepEqual(ids(`${'ab.cd:ef-'.repeat(5)}\n${discordSample()}\n`), ['discord-bot-token-bare']);
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

  it('finds in any range what a walk over every line of it finds', () => {
    // The reference: each line starting before `to`, trimmed of blanks and one pair of matching quotes,
    // its value starting at `from` or later, tested whole against the format.
    const byLines = (text: string, from: number, to: number, format: RegExp, min: number, max: number) => {
      const out: number[][] = [];
      for (let start = text.lastIndexOf('\n', from - 1) + 1; start < to;) {
        const newline = text.indexOf('\n', start);
        const end = newline < 0 ? text.length : newline;
        const m = /^[ \t\r]*(.*?)[ \t\r]*$/s.exec(text.slice(start, end))!;
        let a = start + m[0].indexOf(m[1]!);
        let b = a + m[1]!.length;
        if (b - a >= 2 && `"'\``.includes(text[a]!) && text[b - 1] === text[a]) {
          a++;
          b--;
        }
        if (
          a >= from &&
          b - a >= min &&
          b - a <= max &&
          end - start <= max + 64 &&
          format.test(text.slice(a, b))
        ) {
          out.push([a, b]);
        }
        start = newline < 0 ? text.length : newline + 1;
      }
      return out;
    };
    const [discord, telegram] = bareBotTokenRules;
    const formats = [
      /^[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.(?:[A-Za-z0-9_-]{27}|[A-Za-z0-9_-]{38})$/,
      /^[0-9]{8,10}:[A-Za-z0-9_-]{35}$/,
    ];
    const next = seededInts(29);
    const one = <T>(xs: readonly T[]): T => xs[next(xs.length)]!;
    const values = [
      discordSample,
      telegramSample,
      () => randomToken(`${ALNUM}_.:-`, 40 + next(40)),
      () => 'ab cd',
    ];
    const wraps = [
      (v: string) => v,
      (v: string) => `  ${v}\t`,
      (v: string) => `"${v}"`,
      (v: string) => `'${v}"`,
      (v: string) => `x ${v}`,
      (v: string) => `${' '.repeat(next(90))}${v}\r`,
    ];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + next(6) }, () => one(wraps)(one(values)())).join('\n');
      const from = next(text.length + 1);
      const to = from + next(text.length - from + 1);
      for (const [rule, format, min, max] of [
        [discord!, formats[0]!, 58, 72],
        [telegram!, formats[1]!, 44, 46],
      ] as const) {
        assert.deepEqual(
          rule.finder!(text, from, to).map((f) => [f.start, f.end]),
          byLines(text, from, to, format, min, max),
          `${rule.id} ${from}-${to}: ${JSON.stringify(text)}`,
        );
      }
    }
  });

  it('reports a token alone on a line of blanks up to the reach past its format, and none on a longer line', () => {
    // Discord's longest token is 72 characters: a line of 136 (blanks and a `\r` included) is the longest read.
    const next = seededInts(41);
    for (let i = 0; i < 60; i++) {
      const t = discordSample();
      const line = 136 - next(3) + next(3);
      const blanks = line - t.length - (i % 2);
      const before = next(blanks + 1);
      const text = `# a bot\n${' '.repeat(before)}${t}${' '.repeat(blanks - before)}${i % 2 ? '\r' : ''}\nmore\n`;
      assert.equal(ids(text).includes('discord-bot-token-bare'), line <= 136, JSON.stringify(text));
    }
  });
});
