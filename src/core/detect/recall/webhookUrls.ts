import type { RecallDetector } from './recallSpan';

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
 * What every `WEBHOOK` match holds (`webhooks` and `outlook.office.com/webhook` too): a text without it
 * is passed over on one native search instead of a full one, where each word would start an attempt.
 */
const HOST_WORD = /webhook|powerplatform|logic\.azure/i;

/** A Logic Apps or Power Automate trigger is a secret only when signed; without `sig=` it is a docs URL. */
const NEEDS_SIGNATURE = /powerplatform|logic\.azure/i;
/** A Teams URL names its team and tenant by lower-case GUIDs: without one it is a docs or a cut URL. */
const TEAMS = /office(?:365)?\.com/i;
const LOWER_GUID = /[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}@/;

export const findWebhookUrls: RecallDetector = (text, out) => {
  if (!HOST_WORD.test(text)) {
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
