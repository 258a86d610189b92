import { randomToken, randomIndex } from '../random';
import type { Rule } from '../rule';
import { freshSample } from './ruleKit';
import type { ServiceEntry } from './serviceKeyLines';
import type { Segment } from './serviceKeyText';
import { parseTable } from './serviceKeyLines';
import { ServiceKeyIndex } from './serviceKeyTable';
import { serviceNamedShape, serviceRefutes } from './serviceKeyNames';
import { CLASS_CHARS, fits } from './serviceKeyText';
import { randomDigits } from './digitRuns';
import { SERVICE_KEYS_A_TO_F } from './serviceKeysAtoF';
import { SERVICE_KEYS_G_TO_O } from './serviceKeysGtoO';
import { SERVICE_KEYS_KINGFISHER, SERVICE_KEYS_KINGFISHER_RUN_ON } from './serviceKeysKingfisher';
import { SERVICE_KEYS_JOINED, SERVICE_KEYS_NAMED } from './serviceKeysNamed';
import { SERVICE_KEYS_P_TO_Z } from './serviceKeysPtoZ';

/**
 * The table's lines parsed, as the build defines them into the bundles (esbuild.js): JSON, which a process
 * parses natively in ~1 ms, where reading the 683 lines cost every scan's start-up ~10 ms of code run
 * once, before any of it is compiled. The unit tests, which run without the build, parse the lines.
 */
declare const SECURE_GPT_SERVICE_ENTRIES: string | undefined;

/** The table's lines as written, every file's in order. */
export function serviceTableText(): string {
  return [
    SERVICE_KEYS_A_TO_F,
    SERVICE_KEYS_G_TO_O,
    SERVICE_KEYS_P_TO_Z,
    SERVICE_KEYS_NAMED,
    SERVICE_KEYS_JOINED,
    SERVICE_KEYS_KINGFISHER,
    SERVICE_KEYS_KINGFISHER_RUN_ON,
  ].join('\n');
}

/** The services of the table, indexed once for every scan. */
export const serviceKeyIndex = new ServiceKeyIndex(
  typeof SECURE_GPT_SERVICE_ENTRIES === 'string'
    ? (JSON.parse(SECURE_GPT_SERVICE_ENTRIES) as ServiceEntry[])
    : parseTable(serviceTableText()),
);

/** The letters and digits of a class, expanded (`0-9a-f` → `0123456789abcdef`). */
function alphabet(cls: string): string {
  let out = '';
  const spec = CLASS_CHARS[cls]!;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) {
        out += String.fromCharCode(c);
      }
      i += 2;
    } else if (/[A-Za-z0-9]/.test(spec[i]!)) {
      out += spec[i];
    }
  }
  return out;
}

/**
 * A fresh value of `shape`, `delta` characters longer (or shorter) than its shortest form. Samples use
 * only the letters and digits of each class, which every class holds, so that a `-` or `_` drawn at
 * random cannot cut the value into pieces of some other length.
 */
export function sampleOf(shape: readonly Segment[], delta = 0): string {
  return shape
    .map(
      (seg, k) =>
        (k === 0 ? '' : (seg.join ?? '-')) +
        randomToken(alphabet(seg.cls), seg.min + (k === shape.length - 1 ? delta : 0)),
    )
    .join('');
}

/**
 * A sample of `shape` that reads as a draw to the table's own judges (the entropy floor, digits that do not
 * favour one): a short random value sometimes repeats enough characters to fall under them (`4vv4q6v0`, a
 * 25-digit number with seven `0`), and no test of a line should hang on that chance.
 */
function drawnSample(shape: readonly Segment[]): string {
  // Bounded: a shape no draw of which the judges take (a line mistyped) gives its last draw, and the line's
  // test then fails on it rather than hanging.
  let v = sampleOf(shape);
  for (let tries = 0; tries < 1000; tries++, v = sampleOf(shape)) {
    // Digits alone are read by their own judge, not by `fits` (see `ServiceKeyIndex.find`).
    if (/^[0-9]+$/.test(v) ? randomDigits(v, 0, v.length) : fits(v, shape, true)) {
      break;
    }
  }
  return v;
}

function pick<T>(list: readonly T[]): T {
  return list[randomIndex(list.length)]!;
}

/**
 * A text that names `entry` and holds a fresh value of its part `k` (`delta` characters off its length),
 * with a value of each other part on a line of its own, as a config file holds a key and its id.
 */
export function sampleText(entry: ServiceEntry, k: number, delta = 0): { text: string; value: string } {
  const word = entry.words[0]!;
  const shape = entry.parts[k]!.shape;
  const value = freshSample(() => (delta === 0 ? drawnSample(shape) : sampleOf(shape, delta)));
  const others = entry.parts.flatMap((p, j) =>
    j === k ? [] : [`${word.toUpperCase()}_PART_${j} = "${freshSample(() => sampleOf(p.shape))}"`],
  );
  const line = pick([
    `${word.toUpperCase()}_API_KEY=${value}`,
    `const ${word}Key = "${value}";`,
    // An everyday word names a value only in the credential name itself, and so does any word a value of
    // digits alone (see `ServiceKeyIndex.find`).
    ...(entry.named || /^[0-9]+$/.test(value)
      ? [`"${word}_secret": "${value}",`]
      : [`${word}:\n  api_key: '${value}'`]),
  ]);
  return { text: [line, ...others].join('\n'), value };
}

/**
 * Table words that hold a keyword of a rule written for the provider (`fastly`, `droneci`): that rule
 * wins where both match (see `scanner.beats`). `serviceKeys.unit.test.ts` keeps this list true.
 */
export const CLAIMED_WORDS: ReadonlySet<string> = new Set(
  (
    'airtable algolia alienvault asana assemblyai atlassian besttime capsulecrm confluence confluent droneci ' +
    'facebook fastly fileio finnhub flickr freshbooks gitter ipinfo ipinfodb jira kucoin launchdarkly ' +
    'mailgun mattermost meraki messagebird mockaroo netlify newrelic plaid postmark pusher rapidapi scaleway ' +
    'sendbird sentry simplynoted sirv snyk squarespace tickettailor travis twilio twitch twitter vbout vercel vultr ' +
    'wandb yandex zendesk'
  ).split(' '),
);

/** Services whose credential is one value and whose word no other rule claims: one finding each. */
const singles = serviceKeyIndex.entries.filter(
  (e) => e.parts.length === 1 && !e.words.some((w) => CLAIMED_WORDS.has(w)),
);

export const serviceKeyRules: readonly Rule[] = [
  {
    id: 'service-api-key',
    provider: 'Named service',
    description: 'API key',
    risk: "anyone with this file can call the service's API as your account, on your bill",
    severity: 'warning',
    keywords: [],
    // Documents the candidates the finder looks at; the engine runs `finder`, never this pattern.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{${serviceKeyIndex.minLength},${serviceKeyIndex.maxLength}}(?![A-Za-z0-9_-])`,
    ),
    maxLength: serviceKeyIndex.maxLength,
    expectsUuid: true,
    finder: (text, from, to, wordRuns) => serviceKeyIndex.find(text, from, to, undefined, wordRuns),
    finderWords: serviceKeyIndex.shortWordList,
    namedShape: serviceNamedShape(serviceKeyIndex.entries, CLAIMED_WORDS),
    refutesNamed: serviceRefutes(serviceKeyIndex, CLAIMED_WORDS),
    tests: {
      // A few services drawn at random per run; `serviceKeys.unit.test.ts` walks the whole table.
      positives: () => Array.from({ length: 4 }, () => sampleText(pick(singles), 0).text),
      negatives: [
        'ZIPBOOKS_API_KEY=your-zipbooks-api-key',
        'abuseipdb_api_key = os.environ["ABUSEIPDB_API_KEY"]',
        'airship: ${AIRSHIP_KEY}',
        'const agoraKey = "";',
        'buildDir = "build-output-directory-for-the-agora-sdk"',
      ],
    },
  },
];
