import type { FoundValue, Rule } from '../rule';
import { DISCORD_BOT_TOKEN, botTokenRuns, discordSample } from './bareBotTokens';

// A Discord bot token with no keyword near it and not alone on its line: inside a sentence, after an
// `=`, before a `!`, or glued to one or two letters on its left (`AT<token>`, a paste that lost its
// space). The three-part dotted shape is what identifies it: an id part of 24 to 26 token characters
// starting with M, N or O (the base64 of the bot's numeric id), a 6-character timestamp and a MAC of 27
// or 38. Tokens whose id part the left glue lengthens past 26 characters are not read (the id part could
// then start at any of several letters, and a longer run is no token of the format).

/** `[A-Za-z0-9_-]`, by ASCII code. */
function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

const DOT = 46;
const ID_MIN = 24;
const ID_MAX = 26;

/** `M`, `N` or `O`. */
function isIdStart(c: number): boolean {
  return c >= 77 && c <= 79;
}

/**
 * Tokens in [from, to): each MAC is a token run of 27 or 38 characters, which the shared run pass lists
 * (see `botTokenRuns`); only the 34 characters before it and the run before those are read. Linear.
 */
export function inlineDiscordTokens(text: string, from: number, to: number): FoundValue[] {
  const out: FoundValue[] = [];
  // A token starts before `to` and its MAC at most 34 characters after; the bot line finder's runs
  // reach that far (and are the ones it just asked for).
  const runs = botTokenRuns(text, from, to);
  for (let k = 0; k < runs.length; k += 2) {
    const m0 = runs[k]!;
    const m1 = runs[k + 1]!;
    const mac = m1 - m0;
    if ((mac !== 27 && mac !== 38) || text.charCodeAt(m1) === DOT) {
      continue;
    }
    // `.` + 6 token characters + `.` before the MAC.
    const idEnd = m0 - 8;
    if (idEnd < ID_MIN || text.charCodeAt(m0 - 1) !== DOT || text.charCodeAt(idEnd) !== DOT) {
      continue;
    }
    let ok = true;
    for (let i = idEnd + 1; i < m0 - 1 && ok; i++) {
      ok = isTokenChar(text.charCodeAt(i));
    }
    // The id run: at most 26 characters, not the tail of a longer dotted name.
    let r0 = idEnd;
    while (ok && r0 > 0 && idEnd - r0 <= ID_MAX && isTokenChar(text.charCodeAt(r0 - 1))) {
      r0--;
    }
    if (!ok || idEnd - r0 > ID_MAX || idEnd - r0 < ID_MIN || (r0 > 0 && text.charCodeAt(r0 - 1) === DOT)) {
      continue;
    }
    // The token starts at the first M, N or O that leaves an id part of 24 to 26 characters.
    for (let s = r0; s <= idEnd - ID_MIN; s++) {
      if (isIdStart(text.charCodeAt(s))) {
        if (s >= from && s < to) {
          out.push({ start: s, end: m1, provider: 'Discord' });
        }
        break;
      }
    }
  }
  return out;
}

export const discordInlineRules: readonly Rule[] = [
  {
    ...DISCORD_BOT_TOKEN,
    id: 'discord-bot-token-inline',
    description: 'Discord bot token (in a line, no keyword)',
    finder: inlineDiscordTokens,
    tests: {
      positives: () => {
        const t = discordSample();
        return [`see ${t} above`, `=${t}`, `${t}!${'x'.repeat(10)}`, `AT${t}`, `(${t})`];
      },
      negatives: [
        // A low-entropy MAC, a fourth part, an id run of 27, a P start: not the format.
        `see M${'aB3'.repeat(8)}.XyZ12a.${'q7R'.repeat(9)} here`,
        `x.M${'aB3'.repeat(8)}.XyZ12a.${'q7Rz'.repeat(7).slice(1)}`,
        `Mb${'aB3'.repeat(8)}.XyZ12a.${'q7Rz'.repeat(7).slice(1)}`,
        `P${'aB3'.repeat(8)}.XyZ12a.${'q7Rz'.repeat(7).slice(1)}`,
      ],
    },
  },
];
