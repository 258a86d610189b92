import type { RecallDetector, RecallSpan } from './recallSpan';
import { rarePairs } from '../rules/letterPairs';
import { looksRandom } from './tokenShape';
import { holdsWord, wordSet } from './wordIndex';

/**
 * Webhook URLs whose path is the credential: whoever holds a Microsoft Teams incoming-webhook URL, a
 * Power Automate or Logic Apps workflow trigger (`sig=` signs it) or a Discord webhook URL can post as
 * the integration. Nothing in the path reads as a token on its own (GUIDs, hex, a tenant's host), so
 * the host names the secret, and the whole URL after the scheme is hidden: the tenant's host is part of
 * what the peers' samples mark secret, and the placeholder keeps the line readable.
 */

/** Hosts whose URLs carry their credential in the path; each must be followed by a path. */
const WEBHOOK =
  /(?<![A-Za-z0-9_.-])(?:[A-Za-z0-9-]{1,63}\.webhook\.office\.com|outlook\.office(?:365)?\.com\/webhook|[A-Za-z0-9-]{1,80}\.(?:\d{1,3}\.)?environment\.api\.powerplatform\.com(?::\d{1,5})?|prod-\d{1,3}\.[a-z0-9]{2,24}\.logic\.azure\.com(?::\d{1,5})?|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks)\/[^\s"'`<>]{16,2048}/gi;

/**
 * What every `WEBHOOK` match holds (`webhooks` and `outlook.office.com/webhook` too): a text without it is
 * passed over on the tier's shared word search (an alternation of them read 100 KB in about 50 µs).
 */
const HOST_WORDS = wordSet(['webhook', 'powerplatform', 'logic.azure']);

/** A Logic Apps or Power Automate trigger is a secret only when signed; without `sig=` it is a docs URL. */
const NEEDS_SIGNATURE = /powerplatform|logic\.azure/i;
/** A Teams URL names its team and tenant by lower-case GUIDs: without one it is a docs or a cut URL. */
const TEAMS = /office(?:365)?\.com/i;
const LOWER_GUID = /[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}@/;

export const findWebhookUrls: RecallDetector = (text, out) => {
  if (!holdsWord(text, HOST_WORDS)) {
    return;
  }
  for (const m of text.matchAll(WEBHOOK)) {
    let url = m[0].replace(/[.,;:)\]}]+$/, '');
    if (NEEDS_SIGNATURE.test(url) && !/[?&]sig=|\/workflows\/[0-9a-f]{32}/i.test(url)) {
      continue;
    }
    if (TEAMS.test(url) && !LOWER_GUID.test(url)) {
      continue;
    }
    // A documentation sample: `…/webhooks/{id}/{token}`, `<id>`, `XXXX`.
    if (/[{}]|\.\.\.|X{6}|your[_-]/i.test(url)) {
      continue;
    }
    url = url.slice(0, 2048);
    out.push({ start: m.index, end: m.index + url.length, kind: 'webhook-url' });
  }
};

/**
 * A `/webhook/`, `/webhooks/`, `/hooks/` or `/hook/` segment of a URL on any host (Tines, Mattermost,
 * Rocket.Chat, n8n, Make and self-hosted tools): what follows it is the hook's address, and a segment of it
 * that reads as generated is its secret. Found from the segment (one native search), the URL's scheme looked
 * back for a bounded stretch without blanks.
 */
const HOOK_SEGMENT = /\/(?:web)?hooks?\//gi;
/** How far back from the hook segment a URL's `://` may lie. */
const HOST_REACH = 300;
/** The characters of a URL path (no blank, quote, bracket of markup, query or fragment). */
const PATH_CHAR = /[^\s"'`<>?#]/;
/** The longest path read after the segment. */
const PATH_MAX = 1024;
/** The shortest path segment taken as a hook's secret. */
const SECRET_SEGMENT = 20;

export const findHookPaths: RecallDetector = (text, out) => {
  segmentSecrets(text, HOOK_SEGMENT, SECRET_SEGMENT, 'webhook-url', true, out);
};

/**
 * A Slack incoming webhook's path without its host (`nock('https://hooks.slack.com').post('/services/T…/B…/…')`,
 * a proxy's route, a log line): the workspace's `T` id and the hook's `B` id name it, and the last segment is
 * its secret, hidden whatever its shape but a placeholder's (`XXXX…`, `{token}`). With its host it is the
 * report tier's `slack-webhook-url`.
 */
const SLACK_HOOK_PATH = /\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/([^\s"'`<>?#]{8,256})/g;

export const findSlackHookPaths: RecallDetector = (text, out) => {
  for (const m of text.matchAll(SLACK_HOOK_PATH)) {
    // The rest of the path, less the punctuation of the sentence or code it ends in.
    const secret = m[1]!.replace(/[.,;:)\]}]+$/, '');
    if (secret.length >= 8 && !/X{6}|x{6}|your[_-]|[{}]|^(?:token|secret)$/i.test(secret)) {
      const start = m.index + m[0].length - m[1]!.length;
      out.push({ start, end: start + secret.length, kind: 'webhook-url' });
    }
  }
};

/**
 * A capability URL: a one-time link whose path segment is the credential, after a segment that names what
 * it grants (`/reset-password/<token>`, `/invite/<token>`, `/verify-email/<token>`, `/magic-link/<token>`,
 * `/unsubscribe/<token>`), or an MCP server's personal endpoint (Zapier's `actions.zapier.com/mcp/<key>/sse`).
 * Whoever holds it resets the password, joins the team or acts as the user. Only the generated segment is
 * hidden, 16 characters or more.
 */
const CAPABILITY_SEGMENT =
  /\/(?:reset[-_]?password|password[-_]?reset|reset|invite|invites|invitations?|verify(?:[-_]?email)?|email[-_]?verification|confirm(?:[-_]?email)?|confirmation|activate|activation|magic(?:[-_]?link)?|login[-_]?link|unsubscribe|one[-_]?time(?:[-_]?link)?|mcp)\//gi;

export const findCapabilityPaths: RecallDetector = (text, out) => {
  segmentSecrets(text, CAPABILITY_SEGMENT, 16, 'token', false, out);
};

/**
 * Each `segment` of a URL (found from the segment, one native search; the URL's scheme looked back for a
 * bounded stretch without blanks), then the first later path segment of `min` characters or more that
 * reads as generated: hidden alone, or with the rest of the path (`toEnd`).
 */
function segmentSecrets(
  text: string,
  segment: RegExp,
  min: number,
  kind: string,
  toEnd: boolean,
  out: RecallSpan[],
): void {
  for (const m of text.matchAll(segment)) {
    const from = m.index + m[0].length;
    const back = text.slice(Math.max(0, m.index - HOST_REACH), m.index);
    const scheme = back.lastIndexOf('://');
    if (scheme === -1 || /[\s"'`<>]/.test(back.slice(scheme))) {
      continue;
    }
    let end = from;
    while (end < text.length && end - from < PATH_MAX && PATH_CHAR.test(text[end]!)) {
      end++;
    }
    const path = text.slice(from, end).replace(/[.,;:)\]}]+$/, '');
    let at = from;
    for (const part of path.split('/')) {
      if (part.length >= min && generatedSegment(part) && !/[{}]|X{6}|your[_-]/i.test(part)) {
        out.push({ start: at, end: toEnd ? from + path.length : at + part.length, kind });
        break;
      }
      at += part.length + 1;
    }
  }
}

/**
 * A path segment that reads as generated: random by its shape, or letters and digits in one case, a digit
 * among them, whose letters pair as no language does three times or more. A base36 id switches between
 * letters and digits too seldom for `looksRandom` about one time in 100 (`<24 of a-z0-9>7q`, a Mattermost
 * hook's 26), and pairs so all but 1 in 6,000 times; words and a version (`incoming2webhook`,
 * `release2024notes`) pair once at most.
 */
function generatedSegment(part: string): boolean {
  return (
    looksRandom(part) ||
    (/^(?:[a-z0-9]+|[A-Z0-9]+)$/.test(part) && /[0-9]/.test(part) && rarePairs(part) >= 3)
  );
}
