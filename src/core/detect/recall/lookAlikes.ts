import { builtinRules } from '../catalog';
import type { Rule } from '../rule';
import { findSecrets } from '../scanner';
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
 * What every checked rule's match holds: a GitHub prefix, a JWT's `eyJ`, `"auth"`, `sv=`, a Discord
 * token's `.xxxxxx.` middle, New Relic's `NRAL`, Square's `EAAA` or `sq0atp-`. The engine reads only windows around these, sized to the longest match that
 * can hold each, so a large text with a few tokens costs a few small scans.
 */
const HINT = /gh[pousr]_|(?<jwt>eyJ)|"auth"|sv=\d|\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27}|NRAL|EAAA|sq0atp-/g;
/** Characters around a hint the window keeps for the engine's context checks and a match's start. */
const MARGIN = 256;
const JWT_REACH = 11_500;
const OTHER_REACH = 512;

/** The look-alikes in `text`: shaped like a checked rule's secret, failing its check. */
export function findLookAlikes(text: string): LookAlike[] {
  const out: LookAlike[] = [];
  let from = -1;
  let to = -1;
  const flush = (): void => {
    if (to > from) {
      scanWindow(text, from, to, out);
    }
  };
  for (const m of text.matchAll(HINT)) {
    const start = Math.max(0, m.index - MARGIN);
    const end = Math.min(text.length, m.index + (m.groups?.['jwt'] ? JWT_REACH : OTHER_REACH) + MARGIN);
    if (start > to) {
      flush();
      from = start;
    }
    to = Math.max(to, end);
  }
  flush();
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
