import {
  alnum,
  b64,
  b64url,
  base64Of,
  camelPass,
  digits,
  ghBadChecksum,
  ghToken,
  hex,
  jwtLong,
  lowerAlnum,
  uuid,
  word,
} from './values';
import type { AskCase } from './askCase';
import { GIT, one } from './askCase';

// Leak classes 5 to 8 of issue 9: context that switches detection off, checksums, provider breadth,
// the known-value guard.

/** Class 5: context words (commit, ref, rev), UUID-shaped keys, and a secret after thousands of decoys. */
export function contextOff(): AskCase[] {
  const out: AskCase[] = [];
  const k1 = hex(40);
  out.push(
    one(
      5,
      'hex key on a line that says commit',
      'deploy.yml',
      `# commit the api key below\napi_key: ${k1}\n`,
      k1,
    ),
  );
  const k2 = hex(64);
  out.push(
    one(
      5,
      'hex key on a line that says ref',
      'config.ini',
      `secret_key = ${k2} ; see ref docs/keys.md\n`,
      k2,
    ),
  );
  const k3 = hex(32);
  out.push(one(5, 'hex key on a line that says rev', 'settings.toml', `token = "${k3}" # rev 2\n`, k3));
  const u = uuid();
  out.push(one(5, 'UUID-shaped API key', 'heroku.sh', `export HEROKU_API_KEY=${u}\n`, u));
  const u2 = uuid();
  out.push(one(5, 'UUID api_key in JSON', 'service.json', `{"name": "billing", "api_key": "${u2}"}\n`, u2));
  const decoys = Array.from({ length: 4200 }, (_, i) => `id_${i} = "sk_test_${'x'.repeat(24)}"`).join('\n');
  const after = ghToken();
  out.push(one(5, 'secret after 4,200 decoys', 'decoys.py', `${decoys}\nGITHUB_TOKEN = "${after}"\n`, after));
  return out;
}

/** Class 6: GitHub-shaped tokens whose checksum fails. */
export function checksums(): AskCase[] {
  return ['ghp', 'gho', 'ghu', 'ghs', 'ghr', 'ghp'].map((prefix, i) => {
    const t = ghBadChecksum(prefix);
    return one(
      6,
      `${prefix}_ with a failing checksum`,
      i % 2 ? 'token.txt' : 'ci.env.sh',
      i % 2 ? `${t}\n` : `export TOKEN=${t}\n`,
      t,
    );
  });
}

/** Class 7: provider formats the issue lists as missed, bare or beside their provider name. */
export function providers(): AskCase[] {
  const tokens: [string, string][] = [
    ['Discord bot token', `M${alnum(23)}.${b64url(6)}.${b64url(27)}`],
    ['Facebook EAA token', `EAACEdEose0cBA${alnum(150)}`],
    ['Shopify shpat_', `shpat_${hex(32)}`],
    ['Shopify shpca_', `shpca_${hex(32)}`],
    ['Shopify shppa_', `shppa_${hex(32)}`],
    ['Shopify shpss_', `shpss_${hex(32)}`],
    ['Sourcegraph', `sgp_${hex(16)}_${hex(40)}`],
    ['Settlemint', `sm_pat_${alnum(16)}`],
    ['EasyPost', `EZAK${alnum(54)}`],
    ['Mapbox pk.', `pk.eyJ1Ijoi${alnum(20)}.${b64url(22)}`],
    ['Mapbox sk.', `sk.eyJ1Ijoi${alnum(20)}.${b64url(22)}`],
    ['Flutterwave', `FLWSECK_TEST-${hex(32)}-X`],
    ['Scalingo', `tk-us-${b64url(48)}`],
    ['Harness', `pat.${b64url(22)}.${hex(24)}.${alnum(20)}`],
    ['Duffel', `duffel_test_${b64url(43)}`],
    ['Shippo', `shippo_live_${hex(40)}`],
    ['42 Intra', `s-s4t2ud-${hex(64)}`],
    ['Frame.io', `fio-u-${b64url(64)}`],
    ['Typeform', `tfp_${lowerAlnum(59)}`],
    ['Netlify', `nfp_${alnum(36)}`],
    ['HubSpot', `pat-na1-${uuid()}`],
    ['Dropbox', `sl.${b64url(135)}`],
    ['Contentful', `CFPAT-${b64url(43)}`],
    ['Atlassian', `ATATT3xFfGF0${b64url(171)}=${hex(8).toUpperCase()}`],
    ['Square access token', `EAAA${b64url(60)}`],
    ['Square sq0atp', `sq0atp-${b64url(22)}`],
    ['Lob', `live_${hex(35)}`],
    ['Beamer', `b_${b64url(44)}`],
    ['Defined Networking', `dnkey-${lowerAlnum(26)}-${lowerAlnum(52)}`],
    ['Vault legacy s.', `s.${alnum(24)}`],
    ['Slack xoxa-', `xoxa-2-${digits(12)}-${digits(12)}-${hex(32)}`],
    ['Slack xoxo-', `xoxo-${digits(12)}-${digits(12)}-${hex(32)}`],
    ['Slack xoxe-', `xoxe-1-${b64url(140)}`],
    ['JWT over 400 chars', jwtLong()],
    ['long Stripe restricted key', `rk_live_${alnum(99)}`],
  ];
  const near: [string, string, string][] = [
    ['Fastly', 'FASTLY_API_TOKEN', b64url(32)],
    ['Asana', 'ASANA_PAT', `1/${digits(16)}:${hex(32)}`],
    ['LinkedIn', 'LINKEDIN_CLIENT_SECRET', alnum(16)],
    ['KuCoin', 'KUCOIN_API_SECRET', uuid()],
    ['Sendbird', 'SENDBIRD_API_TOKEN', hex(40)],
    ['RapidAPI', 'X-RapidAPI-Key', b64url(50)],
    ['Intercom', 'INTERCOM_ACCESS_TOKEN', `dG9rOj${b64(54)}=`],
    ['Squarespace', 'SQUARESPACE_API_KEY', uuid()],
    ['Okta', 'OKTA_API_TOKEN', `00${b64url(40)}`],
    ['Finicity', 'FINICITY_APP_KEY', hex(32)],
    ['Sumo Logic access id', 'SUMO_ACCESS_ID', `su${alnum(12)}`],
    ['Twilio auth token', 'TWILIO_AUTH_TOKEN', hex(32)],
  ];
  return [
    ...tokens.map(([name, t], i) =>
      one(7, `${name} on a bare line`, i % 3 ? 'tokens.txt' : 'notes.md', `${t}\n`, t),
    ),
    ...near.map(([name, label, v]) => one(7, name, 'settings.yaml', `${label}: ${v}\n`, v)),
  ];
}

/** Class 8: values known from .env files the CLI must find, in shapes detection cannot see. */
export function knownValues(): AskCase[] {
  const ref = (v: string): string => `const value = lookup("${v}");\n`;
  const cases: [string, Record<string, string>, string, string | undefined][] = [];
  const v1 = camelPass();
  cases.push([
    '.env at the git root, ask from a subfolder',
    { '.env': `DB_PASSWORD=${v1}\n`, 'app/src/db.ts': ref(v1) },
    'src/db.ts',
    'app',
  ]);
  const v2 = camelPass();
  cases.push([
    'nested services/api/.env',
    { 'services/api/.env': `API_SECRET=${v2}\n`, 'db.ts': ref(v2) },
    'db.ts',
    undefined,
  ]);
  const v3 = camelPass();
  cases.push([
    'secrets.env',
    { 'secrets.env': `SMTP_PASSWORD=${v3}\n`, 'mail.ts': ref(v3) },
    'mail.ts',
    undefined,
  ]);
  const v4 = camelPass();
  cases.push(['.flaskenv', { '.flaskenv': `SECRET_KEY=${v4}\n`, 'app.py': ref(v4) }, 'app.py', undefined]);
  const plain: [string, string][] = [
    ['letters only', `${word()}${word()}${word()}`],
    ['dashed words', `${word()}-${word()}-${word()}`],
    ['digits only', digits(10)],
    ['shorter than 8', `${word().slice(0, 4)}${digits(2)}`],
  ];
  for (const [name, v] of plain) {
    cases.push([
      `.env value: ${name}`,
      { '.env': `SERVICE_SECRET=${v}\n`, 'use.ts': ref(v) },
      'use.ts',
      undefined,
    ]);
  }
  const key = `${word()}${alnum(20)}`;
  const encodings: [string, string][] = [
    ['URL-encoded copy', encodeURIComponent(`${key}/+=`)],
    ['base64 copy', base64Of(key)],
    ['Basic base64(user:key)', base64Of(`api:${key}`)],
  ];
  for (const [name, enc] of encodings) {
    const value = name === 'URL-encoded copy' ? `${key}/+=` : key;
    cases.push([
      `.env value as ${name}`,
      { '.env': `SERVICE_KEY=${value}\n`, 'use.ts': ref(enc) },
      'use.ts',
      undefined,
    ]);
  }
  const wrap = `${word()}${alnum(30)}`;
  cases.push([
    '.env value split across lines',
    {
      '.env': `SERVICE_KEY=${wrap}\n`,
      'use.ts': `const k = "${wrap.slice(0, 18)}" +\n  "${wrap.slice(18)}";\n`,
    },
    'use.ts',
    undefined,
  ]);
  return cases.map(([name, files, attach, cwd]) => {
    const value = /=(.*)\n/.exec(Object.entries(files).find(([p]) => /env$/.test(p))![1])![1]!;
    const sent = files[cwd ? `${cwd}/${attach}` : attach]!;
    const secrets = sent.includes(value)
      ? [value]
      : [
          sent
            .match(/"([^"]+)"/g)!
            .map((q) => q.slice(1, -1))
            .join(''),
        ];
    return { cls: 8, name, files: { ...GIT, ...files }, attach, ...(cwd ? { cwd } : {}), secrets };
  });
}
