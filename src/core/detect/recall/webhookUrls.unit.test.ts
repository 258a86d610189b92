import * as assert from 'node:assert/strict';
import { ALNUM, DIGITS, HEX, LOWER_ALNUM, randomToken } from '../random';
import { findCapabilityPaths, findHookPaths, findSlackHookPaths, findWebhookUrls } from './webhookUrls';
import type { RecallSpan } from './recallSpan';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findWebhookUrls, text, values);
const leaves = (text: string): void => assertUntouched(findWebhookUrls, text);
const guid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

describe('redact tier: webhook URLs', () => {
  it('hides a Teams incoming-webhook URL from its host on', () => {
    const path = `webhookb2/${guid()}@${guid()}/IncomingWebhook/${randomToken(HEX, 32)}/${guid()}`;
    const host = `contoso${randomToken(LOWER_ALNUM, 4)}.webhook.office.com`;
    hides(`url = 'https://${host}/${path}'`, `${host}/${path}`);
    const legacy = `outlook.office.com/webhook/${guid()}@${guid()}/IncomingWebhook/${randomToken(HEX, 32)}`;
    hides(`TEAMS=https://${legacy}\n`, legacy);
  });

  it('hides a signed Power Automate or Logic Apps trigger and a Discord webhook', () => {
    const flow = `${randomToken(HEX, 32)}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${randomToken(LOWER_ALNUM, 43)}`;
    const pp = `default${randomToken(HEX, 30)}.62.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${flow}`;
    hides(`webhook: "https://${pp}"`, pp);
    const la = `prod-27.westus.logic.azure.com:443/workflows/${flow}`;
    hides(`https://${la}`, la);
    const discord = `discord.com/api/webhooks/${randomToken(DIGITS, 18)}/${randomToken(LOWER_ALNUM, 68)}`;
    hides(`DISCORD_HOOK=https://${discord}\n`, discord);
  });

  it('finds a URL whatever the case of its host', () => {
    const discord = `DISCORD.COM/API/WEBHOOKS/${randomToken(DIGITS, 18)}/${randomToken(LOWER_ALNUM, 68)}`;
    hides(`hook = "https://${discord}"`, discord);
    const la = `Prod-27.westus.Logic.Azure.com:443/workflows/${randomToken(HEX, 32)}/triggers/manual?sig=${randomToken(LOWER_ALNUM, 43)}`;
    hides(`https://${la}`, la);
  });

  it('leaves documentation URLs, unsigned triggers and Teams URLs with no GUID', () => {
    for (const text of [
      'see https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/',
      'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
      'https://prod-27.westus.logic.azure.com:443/workflows/definitions/overview-of-the-service',
      'webhook = "https://contoso.webhook.office.com/webhookb2/not-a-real-url-at-all"',
      'https://discord.com/developers/docs/resources/webhook',
    ]) {
      leaves(text);
    }
  });
});

describe('redact tier: hook paths on any host', () => {
  const hides = (text: string, ...values: string[]): void => assertHidden(findHookPaths, text, values);
  const leaves = (text: string): void => assertUntouched(findHookPaths, text);

  it('hides a hook address from its first generated segment on (Tines, Mattermost, n8n)', () => {
    const tines = `${randomToken(HEX, 30)}7a/${randomToken(HEX, 30)}7a`;
    hides(`url: https://acme.tines.com/webhook/${tines}\n`, tines);
    const mattermost = `${randomToken(LOWER_ALNUM, 24)}7q`;
    hides(`MATTERMOST_HOOK="https://chat.example.org/hooks/${mattermost}"`, mattermost);
    const n8n = guid();
    hides(`curl -X POST https://n8n.example.com/webhook/${n8n}.`, n8n);
    // Base36 that switches between letters and digits too seldom for `looksRandom`: its letters still pair
    // as no language does.
    const consonants = 'bcdfghjklmnpqrstvwxz';
    const seldom = `${randomToken(consonants, 12)}4${randomToken(consonants, 11)}7q`;
    hides(`MATTERMOST_HOOK="https://chat.example.org/hooks/${seldom}"`, seldom);
    // A word segment before the secret stays: it names the hook, not its key.
    const rocket = `${randomToken(LOWER_ALNUM, 22)}7q`;
    hides(`https://chat.example.org/hooks/incoming/${rocket}`, rocket);
  });

  it('leaves hook paths of words or ids, and hook words outside a URL', () => {
    for (const text of [
      `https://api.github.com/repos/acme/app/hooks/${randomToken(DIGITS, 9)}`,
      'see https://docs.example.com/hooks/getting-started-with-outgoing-webhooks',
      'https://example.com/webhook/{webhook_id}/{webhook_token_value_here}',
      `src/hooks/${randomToken(LOWER_ALNUM, 24)}7q.ts`,
      `https://example.com/webhooks/your-webhook-secret-goes-here-now`,
      'https://ci.example.com/hooks/release2024notes',
    ]) {
      leaves(text);
    }
  });

  it('hides the token of a capability URL: a reset, invite, verify or magic link', () => {
    const capability = (text: string, value: string): void =>
      assertHidden(findCapabilityPaths, text, [value]);
    const hex = randomToken(HEX, 32);
    capability(`https://app.example.com/reset-password/${hex}`, hex);
    const tok = `${randomToken(ALNUM, 22)}7q`;
    for (const segment of [
      'invite',
      'verify-email',
      'magic-link',
      'password_reset',
      'unsubscribe',
      'confirm',
    ]) {
      capability(`Click https://app.example.com/${segment}/${tok} to continue.`, tok);
    }
    capability(`link = "https://example.com/accounts/invitations/${tok}/accept"`, tok);
    // An MCP server's personal endpoint, its key in the path (hunt O: Zapier's in a Cursor mcp.json).
    capability(`{ "mcpServers": { "zapier": { "url": "https://actions.zapier.com/mcp/${hex}/sse" } } }`, hex);
    const spans = (text: string): string[] => {
      const out: RecallSpan[] = [];
      findCapabilityPaths(text, out);
      return out.map((s) => text.slice(s.start, s.end));
    };
    assert.deepEqual(spans(`https://example.com/invitations/${tok}/accept`), [tok]);
    for (const text of [
      'https://example.com/reset-password/confirm',
      'https://example.com/invite/{token}',
      'router.get("/verify-email/:token", handler)',
      `src/invite/${tok}.ts`,
      `https://example.com/invite/${randomToken(DIGITS, 9)}`,
      'https://example.com/reset-password/your-reset-token-goes-here',
    ]) {
      assert.deepEqual(spans(text), [], text);
    }
  });

  it("hides a Slack webhook path's secret without its host (a nock, a proxy's route), a chosen word too", () => {
    const ids = `T${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/B${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}`;
    const slack = (text: string): string[] => {
      const out: RecallSpan[] = [];
      findSlackHookPaths(text, out);
      return out.map((s) => text.slice(s.start, s.end));
    };
    const secret = randomToken(ALNUM, 24);
    assert.deepEqual(slack(`nock('https://hooks.slack.com').post('/services/${ids}/${secret}').reply(200)`), [
      secret,
    ]);
    assert.deepEqual(slack(`location /services/${ids}/marmalade42 { proxy_pass https://hooks.slack.com; }`), [
      'marmalade42',
    ]);
    for (const text of [
      `post('/services/${ids}/XXXXXXXXXXXXXXXXXXXXXXXX')`,
      `post('/services/${ids}/{token}')`,
      `post('/services/${ids}/your-webhook-token')`,
      `/services/billing/${secret}`,
      `/services/${ids}/short`,
    ]) {
      assert.deepEqual(slack(text), [], text);
    }
  });
});
