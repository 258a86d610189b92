import { lineEnd, lineStart } from '../lineBounds';
import { shannonEntropy } from '../entropy';
import { ALNUM, BASE64URL, randomToken, randomFraction } from '../random';
import type { FoundValue, Rule } from '../rule';
import { TOKEN_RUN, tokenRuns } from '../tokenRuns';
import { numericId } from './ruleParts';
import { decodeBase64 } from './valueChecks';

// Chat bot tokens pasted on a line of their own, with no name or call around them (a `.env` value moved
// to its own line, a token in a notes file or a chat log). `messaging.ts` finds them where a keyword is
// near; without one there is no literal to prefilter on, so these rules look at whole lines instead: a
// finder walks the scanned lines once and tests only those whose trimmed length fits the format.

const DISCORD = /^[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.(?:[A-Za-z0-9_-]{27}|[A-Za-z0-9_-]{38})$/;
const TELEGRAM = /^[0-9]{8,10}:[A-Za-z0-9_-]{35}$/;
/** The trimmed lengths the rules here accept, all of them together (Telegram 44-46, Discord 58-72). */
const FIT_MIN = 44;
const FIT_MAX = 72;

/** Space, tab, carriage return. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** `"`, `'`, backquote. */
function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** A value on a line that starts before `to` may start past it, but not by a line's length. */
function runsStop(n: number, to: number): number {
  return Math.min(n - FIT_MIN, to + FIT_MAX + 64);
}

/**
 * The long token runs the bot token finders read for [from, to): each value's run starts within the
 * value, which starts before `runsStop`. One call for both files' finders, so the one-entry cache of
 * `tokenRuns` serves the second (`discordInline.ts`) too.
 */
export function botTokenRuns(text: string, from: number, to: number): readonly number[] {
  const n = text.length;
  const stop = runsStop(n, to);
  return stop < from ? [] : tokenRuns(text, from, Math.min(n, stop + FIT_MAX), TOKEN_RUN);
}

/** The line pass of the last text asked for: both rules here ask for the same text, one after the other. */
let lastPass: { text: string; from: number; to: number; spans: readonly number[] } | undefined;

/**
 * The values in [from, to) that fill a line alone, between blanks and at most one pair of matching quotes,
 * are `FIT_MIN` to `FIT_MAX` long and made of the characters of the formats here (`[A-Za-z0-9_.:-]`) and
 * hold a run of `TOKEN_RUN` token characters: flattened `[line length, start, end]`. One pass serves both
 * rules.
 *
 * Every token of the formats here holds a run of 27 token characters or more (Discord's last part, or
 * Telegram's 35 after the `:`), so a value worth a look holds one of the text's long token runs, which are
 * listed once per text and shared (see `tokenRuns`): only the value around each is read. A pass of its own
 * over the text (a read of every eighth character, and back from each value character it met) was some
 * 5% of a scan of ordinary code.
 */
function fittingLines(text: string, from: number, to: number): readonly number[] {
  if (lastPass !== undefined && lastPass.from === from && lastPass.to === to && lastPass.text === text) {
    return lastPass.spans;
  }
  const spans: number[] = [];
  const n = text.length;
  const stop = runsStop(n, to);
  const runs = botTokenRuns(text, from, to);
  // Where the last value read ends: a value may hold several long runs.
  let done = from;
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k]! < done) {
      continue;
    }
    let s = runs[k]!;
    while (s > 0 && s > runs[k]! - FIT_MAX && isValueChar(text.charCodeAt(s - 1))) {
      s--;
    }
    let e = runs[k + 1]!;
    while (e < n && e - s <= FIT_MAX && isValueChar(text.charCodeAt(e))) {
      e++;
    }
    done = e;
    // A value that began before `from` is no value in range; one longer than any token leaves none on its line.
    if (
      s >= from &&
      s <= stop &&
      e - s >= FIT_MIN &&
      e - s <= FIT_MAX &&
      (s === 0 || !isValueChar(text.charCodeAt(s - 1)))
    ) {
      fitLine(text, s, e, to, spans);
    }
  }
  lastPass = { text, from, to, spans };
  return spans;
}

/**
 * Records run [s, e) when its line starts before `to` and holds it alone, between blanks and at most one
 * pair of matching quotes.
 */
function fitLine(text: string, s: number, e: number, to: number, spans: number[]): void {
  // A line far longer than the format is no bare token, so its ends are looked for only that far: its
  // start no further back than `e - reach` (a line holding the value and longer than `reach` is none), and
  // its end only when its start is in reach. A line of 16,000 JWTs read 137 characters each way of each.
  const reach = FIT_MAX + 64;
  const start = lineStart(text, s, reach - (e - s) + 1);
  if (start < e - reach) {
    return;
  }
  // The line's length counts a `\r` before its `\n`, which `lineEnd` leaves out.
  const cut = lineEnd(text, e, reach + 1);
  const end = text.charCodeAt(cut) === 13 && text.charCodeAt(cut + 1) === 10 ? cut + 1 : cut;
  if (start >= to || end - start > reach) {
    return;
  }
  let a = start;
  let b = end;
  while (a < b && isBlank(text.charCodeAt(a))) {
    a++;
  }
  while (b > a && isBlank(text.charCodeAt(b - 1))) {
    b--;
  }
  if (b - a >= 2 && isQuote(text.charCodeAt(a)) && text.charCodeAt(b - 1) === text.charCodeAt(a)) {
    a++;
    b--;
  }
  if (a === s && b === e) {
    spans.push(end - start, a, b);
  }
}

/** `[A-Za-z0-9_.:-]`: every character of a Discord or Telegram token (1 = yes), by ASCII code. */
const VALUE_CHARS = new Uint8Array(128).map((_, c) =>
  /[A-Za-z0-9_.:-]/.test(String.fromCharCode(c)) ? 1 : 0,
);

function isValueChar(c: number): boolean {
  return c < 128 && VALUE_CHARS[c] === 1;
}

/**
 * Values in [from, to) that fill a line alone, between blanks and at most one pair of matching quotes,
 * and match `shape`. Linear: one pass over the lines (shared, see `fittingLines`), a regex test only for
 * lines of a fitting length. `minLength`..`maxLength` must lie within `FIT_MIN`..`FIT_MAX`.
 */
function bareLines(
  text: string,
  from: number,
  to: number,
  shape: RegExp,
  minLength: number,
  maxLength: number,
  provider: string,
): FoundValue[] {
  const out: FoundValue[] = [];
  const spans = fittingLines(text, from, to);
  for (let i = 0; i < spans.length; i += 3) {
    const a = spans[i + 1]!;
    const b = spans[i + 2]!;
    if (
      spans[i]! <= maxLength + 64 &&
      b - a >= minLength &&
      b - a <= maxLength &&
      shape.test(text.slice(a, b))
    ) {
      out.push({ start: a, end: b, provider });
    }
  }
  return out;
}

/** A Discord bot token's first part is the base64 of the bot's numeric id; its last part an HMAC. */
export function discordStructure(token: string): boolean {
  const [id = '', , mac = ''] = token.split('.');
  return (
    (/[0-9]/.test(id) || /^[0-9]{17,20}$/.test(decodeBase64(id) ?? '')) &&
    /[0-9A-Z_-]/.test(mac) &&
    shannonEntropy(mac) >= 3.5
  );
}

/** A Telegram bot token's secret (after the numeric bot id and `:`) is random base64url: mixed case. */
function telegramStructure(token: string): boolean {
  const secret = token.slice(token.indexOf(':') + 1);
  return /[A-Z]/.test(secret) && /[a-z]/.test(secret) && shannonEntropy(secret) >= 3.5;
}

/** An id not starting with 1 (before 2022): its token starts with no `MT` literal the keyword rule could use. */
export function discordSample(): string {
  const id = Buffer.from(`${randomToken('23456789', 1)}${numericId(17)}`)
    .toString('base64')
    .replace(/=+$/, '');
  return `${id}.${randomToken(BASE64URL, 6)}.${randomToken(BASE64URL, randomFraction() < 0.5 ? 27 : 38)}`;
}

/** A secret not starting with `A`, which `messaging.ts` already finds anywhere (`<id>:A…`). */
export function telegramSample(): string {
  return `${numericId(10)}:${randomToken('BCDEFGHJKLMNPQRSTUVWXYZ', 1)}${randomToken(ALNUM, 19)}-${randomToken(BASE64URL, 14)}`;
}

/**
 * What every keyword-less Discord bot token rule shares (this file's bare line, `discordInline.ts`'s
 * token inside a line): the format, its check and what to do about a leak. The `pattern` documents the
 * values the rule's finder accepts; the engine runs the finder, never this pattern.
 */
export const DISCORD_BOT_TOKEN = {
  provider: 'Discord',
  risk: 'anyone with this file can run your Discord bot, read its servers and post as it',
  severity: 'error',
  keywords: [],
  pattern: /[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}/,
  maxLength: 72,
  minEntropy: 3.5,
  validate: discordStructure,
  revokeUrl: 'https://discord.com/developers/applications',
} as const satisfies Partial<Rule>;

export const bareBotTokenRules: readonly Rule[] = [
  {
    ...DISCORD_BOT_TOKEN,
    id: 'discord-bot-token-bare',
    description: 'Discord bot token (alone on a line)',
    finder: (text, from, to) => bareLines(text, from, to, DISCORD, 58, 72, 'Discord'),
    tests: {
      positives: () => {
        const t = discordSample();
        return [t, `  ${t}  `, `"${t}"`, `notes\n${t}\nmore notes`];
      },
      negatives: [
        // An id part of 22 or 26 characters, or a fourth letter, is not the format.
        `M${'aB3'.repeat(7)}a.XyZ12a.${'q7R'.repeat(9)}`,
        `P${'aB3'.repeat(8)}.XyZ12a.${'q7R'.repeat(9)}`,
        // Words in the MAC part, or a token inside a longer line, are left to the keyword rule.
        'Mylittlebotnameisnotakey1.abcdef.thisisnotasecretvalueatallo',
        `token is M${'aB3'.repeat(8)}.XyZ12a.${'q7R'.repeat(9)} here`,
      ],
    },
  },
  {
    id: 'telegram-bot-token-bare',
    provider: 'Telegram',
    description: 'Telegram bot token (alone on a line)',
    risk: 'anyone with this file can control your Telegram bot and read the messages sent to it',
    severity: 'error',
    keywords: [],
    // Documents the lines the finder accepts; the engine runs `finder`, never this pattern.
    pattern: /[0-9]{8,10}:[A-Za-z0-9_-]{35}/,
    maxLength: 46,
    minEntropy: 3.5,
    validate: telegramStructure,
    finder: (text, from, to) => bareLines(text, from, to, TELEGRAM, 44, 46, 'Telegram'),
    revokeUrl: 'https://t.me/BotFather',
    tests: {
      positives: () => {
        const t = telegramSample();
        return [t, `'${t}'`, `\t${t}\r`];
      },
      negatives: [
        'abcdefghijkl:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi',
        '1234567:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi',
        '123456789:abcdefghijklmnopqrstuvwxyzabcdefghi',
        'arn:aws:sns:us-east-1:111122223333:topicnamegoeshere',
      ],
    },
  },
];
