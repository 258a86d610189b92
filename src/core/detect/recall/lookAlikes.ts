import { builtinRules } from '../catalog';
import type { Rule } from '../rule';
import { findSecrets } from '../scanner';
import { alnumTable, longRuns } from './charRuns';
import { wordPlaces, wordSet } from './wordIndex';
import type { RecallDetector } from './recallSpan';

// Look-alikes: values with a provider's prefix and shape whose checksum or structure fails. The report
// tier drops them (a failed checksum is how it tells a live token from a test value), but a typo, a
// truncated paste or a token from a provider that changed its format would then leave the machine. The
// redact tier hides them under the rule's own kind, and says why for a caller that wants to tell the user.

/** Rules whose validation is a checksum or a structure a near miss fails, with what failing means. */
const CHECKS: Readonly<Record<string, string>> = {
  'github-pat': 'its checksum fails',
  'github-oauth-token': 'its checksum fails',
  'github-user-to-server-token': 'its checksum fails',
  'github-server-to-server-token': 'its checksum fails',
  'github-refresh-token': 'its checksum fails',
  'discord-bot-token': 'its id or signature part is malformed',
  'azure-sas-token': 'its signature is not a 32-byte base64 value',
  'docker-config-auth': 'it does not decode to user:password',
  jwt: 'its header does not decode to a signed JWT header',
  'new-relic-license-key': 'its body is not hex',
  'square-access-token': 'a `?` is typed into it',
};

const checked = builtinRules.filter((r) => r.validate !== undefined && CHECKS[r.id] !== undefined);
/** The same rules without their validation: a stable array, so the engine compiles it once. */
const unchecked: readonly Rule[] = checked.map((r) => {
  // Without the check, nothing proves the value: placeholder wording dismisses it again.
  const { validate, proof, ...rest } = r;
  void validate;
  void proof;
  return rest;
});
const byId = new Map(checked.map((r) => [r.id, r]));

/** A provider-shaped value whose checksum or structure fails. It holds no secret text. */
export interface LookAlike {
  readonly start: number;
  readonly end: number;
  readonly ruleId: string;
  /** For the user: "looks like a GitHub personal access token, but its checksum fails: a test value?" */
  readonly note: string;
}

/** What a look-alike of `ruleId` means, or undefined when the rule has no such check. */
export function lookAlikeNote(ruleId: string): string | undefined {
  const rule = byId.get(ruleId);
  const why = CHECKS[ruleId];
  return rule && why ? `looks like a ${rule.description}, but ${why}: a test value?` : undefined;
}

/**
 * What every checked rule's match holds: a GitHub prefix, a JWT's `eyJ`, `"auth"`, `sv=`, a Discord token's
 * `.xxxxxx.` middle, New Relic's `NRAL`, Square's `EAAA` or `sq0atp-`. The engine reads only windows around
 * these, sized to the longest match that can hold each, so a large text with a few tokens costs a few small
 * scans. The hints are what the alternation `gh[pousr]_|eyJ|"auth"|sv=\d|\.[\w-]{6}\.[\w-]{27}|NRAL|EAAA|sq0atp-`
 * finds from left to right, without overlaps; but the literals are found by the tier's shared word search
 * (wordIndex.ts) and the Discord middle only inside long runs of its characters. The alternation, led by
 * seven characters, was tried at every one of them and at every `.` of a text: 110 µs of 100 KB of code, two
 * thirds of the detector (`indexOf` per literal cost as much: `e` and `s` start most of its tries).
 */
/** Characters around a hint the window keeps for the engine's context checks and a match's start. */
const MARGIN = 256;
/** How far past a hint a match may reach: a JWT's, or any other checked rule's. */
const JWT_REACH = 11_500;
const OTHER_REACH = 512;
/** Each literal hint (its case as the alternation spells it), the length of what it leads, and its reach. */
const LITERALS: readonly (readonly [string, number, number])[] = [
  ['gh', 4, OTHER_REACH],
  ['eyJ', 3, JWT_REACH],
  ['"auth"', 6, OTHER_REACH],
  ['sv=', 4, OTHER_REACH],
  ['NRAL', 4, OTHER_REACH],
  ['EAAA', 4, OTHER_REACH],
  ['sq0atp-', 7, OTHER_REACH],
];
/** The literals for the shared search, which folds case: each place is then read in its own case. */
const WORDS = wordSet([
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'eyj',
  '"auth"',
  'sv=',
  'nral',
  'eaaa',
  'sq0atp-',
]);
/** The characters of a Discord token's middle and last parts, and the length of `.xxxxxx.` and 27 more. */
const DISCORD = alnumTable('_.-');
const DISCORD_LENGTH = 35;

/** A hint: where it starts, the length of what it matched, and how far past it a match may reach. */
interface Hint {
  readonly at: number;
  readonly length: number;
  readonly reach: number;
}

/** The hints in `text`: each start and its length, ascending, none inside the one before (see above). */
export function lookAlikeHints(text: string): Hint[] {
  const found: Hint[] = [];
  for (const at of wordPlaces(text, WORDS)) {
    const hint = literalAt(text, at);
    if (hint !== undefined) {
      found.push(hint);
    }
  }
  const runs = longRuns(text, DISCORD, DISCORD_LENGTH);
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (
      let at = text.indexOf('.', runs[r]);
      at !== -1 && at + DISCORD_LENGTH <= end;
      at = text.indexOf('.', at + 1)
    ) {
      if (isDiscordMiddle(text, at)) {
        found.push({ at, length: DISCORD_LENGTH, reach: OTHER_REACH });
      }
    }
  }
  // No two alternatives start alike, so no two hints share a start; those inside the last one taken are passed.
  found.sort((a, b) => a.at - b.at);
  const hints: Hint[] = [];
  let cursor = 0;
  for (const h of found) {
    if (h.at >= cursor) {
      hints.push(h);
      cursor = h.at + h.length;
    }
  }
  return hints;
}

/** The literal hint at `at` in its own case, if one is there. */
function literalAt(text: string, at: number): Hint | undefined {
  for (const [literal, length, reach] of LITERALS) {
    if (!text.startsWith(literal, at)) {
      continue;
    }
    const next = text.charCodeAt(at + literal.length);
    const whole =
      literal === 'gh'
        ? 'pousr'.includes(text.charAt(at + 2)) && text.charCodeAt(at + 3) === 95
        : literal !== 'sv=' || (next >= 48 && next <= 57);
    return whole ? { at, length, reach } : undefined;
  }
  return undefined;
}

/** `.`, six token characters, `.`, and 27 more from `at` (all inside a run of `DISCORD`, as the caller found). */
function isDiscordMiddle(text: string, at: number): boolean {
  for (let i = at + 1; i < at + DISCORD_LENGTH; i++) {
    const dot = text.charCodeAt(i) === 46;
    if (dot !== (i === at + 7)) {
      return false;
    }
  }
  return true;
}

/** The look-alikes in `text`: shaped like a checked rule's secret, failing its check. */
export function findLookAlikes(text: string): LookAlike[] {
  const out: LookAlike[] = [];
  let from = -1;
  let to = -1;
  for (const h of lookAlikeHints(text)) {
    const start = Math.max(0, h.at - MARGIN);
    const end = Math.min(text.length, h.at + h.reach + MARGIN);
    if (start > to) {
      if (to > from) {
        scanWindow(text, from, to, out);
      }
      from = start;
    }
    to = Math.max(to, end);
  }
  if (to > from) {
    scanWindow(text, from, to, out);
  }
  return out;
}

function scanWindow(text: string, from: number, to: number, out: LookAlike[]): void {
  for (const { finding, secret } of findSecrets(text.slice(from, to), { rules: unchecked })) {
    const rule = byId.get(finding.ruleId);
    if (rule?.validate && !rule.validate(secret)) {
      out.push({
        start: from + finding.start,
        end: from + finding.end,
        ruleId: finding.ruleId,
        note: lookAlikeNote(finding.ruleId) ?? '',
      });
    }
  }
}

/** The redact tier's detector of look-alikes: kind = the rule id (`github-pat`). */
export const lookAlikeDetector: RecallDetector = (text, out) => {
  for (const l of findLookAlikes(text)) {
    out.push({ start: l.start, end: l.end, kind: l.ruleId });
  }
};
