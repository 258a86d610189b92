import { builtinRules } from '../catalog';
import type { RecallDetector } from './recallSpan';
import { cleanTokenEnd, looksRandom } from './tokenShape';

// Provider look-alikes by prefix: a value that opens with a provider's prefix (`ntn_`, `sgp_`, `tskey-`,
// `glsoat-`) and goes on as a generated token, whatever its length or alphabet. The report tier holds each
// provider to its documented format and stays silent on a near miss (an older or newer format, a token
// cut or padded, a peer's sample); the redact tier hides it under the provider's own kind. The prefixes
// come from the rules' own keywords, so a new prefixed rule widens this detector too.

/** Keywords that are prefixes but also ordinary words or too short to name a provider on their own. */
const TOO_GENERIC = new Set([
  'api-',
  'secret_',
  'pat.',
  'sat.',
  'ico-',
  'sk_1x1_',
  'a3-',
  'nf-',
  'fb-',
  'fb.',
  'sl.',
]);

/** A provider prefix: letters and digits, joined by `_`, `-` or `.`, ending in one; 4 characters or more. */
const PREFIX_SHAPE = /^[a-z0-9]+(?:[_.-][a-z0-9]+)*[_.-]$/;

function prefixKinds(): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const rule of builtinRules) {
    for (const k of rule.keywords) {
      if (k.length >= 4 && PREFIX_SHAPE.test(k) && !TOO_GENERIC.has(k) && !kinds.has(k)) {
        kinds.set(k, rule.id);
      }
    }
  }
  return kinds;
}

const KINDS = prefixKinds();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A prefix at a token boundary, then a token body of 16 characters or more (bounded). */
const PREFIXED = new RegExp(
  `(?<![A-Za-z0-9_])(${[...KINDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})([A-Za-z0-9_=.-]{16,512})`,
  'gi',
);

/**
 * Shapes with no prefix to key on, kept to what the format fixes: a Discord bot token (base64 id of 24 to
 * 26 characters, a 6-character timestamp, an HMAC of 27 or more), a Telegram bot token (a numeric bot
 * id, `:`, 35 characters), a GitLab runner registration token and an age secret key.
 */
const FIXED: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,80}/g,
    'discord-bot-token',
  ],
  [
    /(?<![A-Za-z0-9_:])\d{8,10}:(?=[A-Za-z0-9_-]{35})([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
    'telegram-bot-token',
  ],
  [/(?<![A-Za-z0-9_])GR1348941[A-Za-z0-9_-]{13,200}/g, 'gitlab-runner-registration-token'],
  [/(?<![A-Za-z0-9_])AGE-SECRET-KEY-1[A-Z0-9]{50,70}/g, 'age-secret-key'],
];

/** Dash-joined digits (`xoxa-…` team and user ids) without a counting or repeated run. */
function numericToken(body: string): boolean {
  return /^\d{6,}-[\d-]{6,}$/.test(body) && !/0123|1234|2345|3456|4567|5678|6789|(\d)\1{4}/.test(body);
}

/** A documentation sample: a counting run (`abcde`, `12345`) or one character six times (`XXXXXX`). */
function isTemplate(body: string): boolean {
  let up = 1;
  for (let i = 1; i < body.length; i++) {
    up = body.charCodeAt(i) - body.charCodeAt(i - 1) === 1 ? up + 1 : 1;
    if (up >= 5) {
      return true;
    }
  }
  return /(.)\1{5}/.test(body);
}

export const findProviderShapes: RecallDetector = (text, out) => {
  for (const m of text.matchAll(PREFIXED)) {
    // A run cut by other characters (`…?x`, `…-####`) is a template or a broken sample, not a token.
    if (cleanTokenEnd(text, m.index) !== m.index + m[0].length) {
      continue;
    }
    const body = m[2]!.replace(/[.:=-]+$/, '');
    if ((looksRandom(body) || numericToken(body)) && !isTemplate(body)) {
      out.push({
        start: m.index,
        end: m.index + m[1]!.length + body.length,
        kind: KINDS.get(m[1]!.toLowerCase()) ?? 'token',
      });
    }
  }
  for (const [re, kind] of FIXED) {
    for (const m of text.matchAll(re)) {
      const start = m[1] !== undefined ? m.index + m[0].indexOf(m[1]) : m.index;
      const end = m.index + m[0].length;
      // Only the Discord shape has no literal in it: its parts must read as generated.
      if ((kind !== 'discord-bot-token' || looksRandom(text.slice(start, end))) && !isTemplate(m[0])) {
        out.push({ start, end, kind });
      }
    }
  }
};
