import { ALNUM, randomToken } from '../random';
import { shannonEntropy } from '../entropy';
import type { Rule } from '../rule';
import { CREDENTIAL_WORD, anyCase, contextRule, tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';

// Keys whose alphabet holds marks (`(`, `<`, `@`, `^`, quotes): the generic rules stop at such a mark or
// read it as markup, a template or an address, so only the service's name beside the value, and the
// service's length, say that it is a key. Formats and words are facts from trufflehog's detectors
// (`d7network`, `simplynoted`); the patterns and their guards are our own. Warnings: a name, not a
// prefix, says it.

/** Printable ASCII but blanks, quotes, backticks and backslashes: what a quoted value may hold. */
const MARKED = '[!#-&(-\\[\\]-_a-~]';

/** The marks of trufflehog's SimplyNoted key, quotes included (no `<`: `<…>` reads as a placeholder). */
const SIMPLYNOTED_MARKS = "!#$%&'()*,-./:;=>?@[]^_`{|";

/**
 * What may follow the service's word before its value: the rest of the name (`_API_KEY`), up to two more
 * words (` token`), the name's closing quote, an operator and the value's opening quote, each optional.
 */
const NAME_TAIL = `[\\w.-]{0,24}(?:[ \\t][A-Za-z]{2,12}(?=[ \\t"'\`=:|-])){0,2}["'\`]?[ \\t]{0,3}(?:=>|:=|[=:|-])?[ \\t]{0,3}["'\`]?`;
/** The longest `NAME_TAIL`. */
const NAME_TAIL_MAX = 24 + 2 * 13 + 1 + 3 + 2 + 3 + 1;

/** A draw of `n` characters of `alphabet` that holds letters and digits. */
function drawMixed(alphabet: string, n: number): string {
  for (;;) {
    const v = randomToken(alphabet, n);
    if (lettersAndDigits(v)) {
      return v;
    }
  }
}

/**
 * A D7 Networks token as trufflehog reads it, marks included, but none with a `<…>` pair or a leading `<`
 * (one draw in 17): the report tier reads those as a template's placeholder (`<token>`), and only the redact
 * tier hides them (printableKeys.unit.test.ts).
 */
function d7Token(): string {
  for (;;) {
    const v = `${drawMixed(`${ALNUM}()<>@^`, 23)}=`;
    if (!/^<|<[^<>]*>/.test(v)) {
      return v;
    }
  }
}

/**
 * SimplyNoted's key as trufflehog reads it: 340 to 360 characters of any mark. Random text of that
 * alphabet carries about six bits a character; prose, a path or a minified line with the word near
 * it carries far less, and holds blanks.
 */
function simplyNotedOk(v: string): boolean {
  return lettersAndDigits(v) && shannonEntropy(v) >= 5;
}

export const printableKeyRules: readonly Rule[] = [
  tokenRule({
    id: 'd7network-api-token',
    provider: 'D7 Networks',
    description: 'D7 Networks API token',
    risk: 'anyone with this file can send SMS and messages through your D7 Networks account, on your bill',
    severity: 'warning',
    // 23 characters and a closing `=` (24 in all), marks included, under a D7 Networks name that holds a
    // credential word: assigned (`D7NETWORK_API_TOKEN=…`, `"d7networksKey": "…"`) or after blanks alone
    // (`d7networkKEY …`, as notes and Kingfisher's examples write it). The value ends the line, or a quote
    // or separator ends it.
    keywords: ['d7network', 'd7-network', 'd7.network', 'd7_network'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])${anyCase('d7')}[_.-]?${anyCase('network')}(?=[\\w.( \\t-]{0,48}?${CREDENTIAL_WORD})${NAME_TAIL}` +
        `(?<secret>${MARKED}{23}=)(?=[\\s"'\`,;)}\\]]|$)`,
    ),
    // The word, the name's tail, the value.
    maxLength: 11 + NAME_TAIL_MAX + 24,
    minEntropy: 3,
    validate: lettersAndDigits,
    revokeUrl: 'https://app.d7networks.com',
    sample: d7Token,
    lines: (k) => [
      `  d7network_secret: "${k}"`,
      `D7NETWORK_API_TOKEN=${k}`,
      `d7networks_key: '${k}'`,
      `d7networkKEY ${k}`,
    ],
    // Other lengths, names without a credential word and other services are drawn in the unit test
    // (a literal of D7's shape here would read as a credential to the scanner itself).
    negatives: ['  d7network_secret: "<d7network-api-token-here>"', '  d7network_secret: "${D7_TOKEN}="'],
  }),
  contextRule({
    id: 'twitter-bearer-token',
    provider: 'X (Twitter)',
    description: 'X (Twitter) app-only bearer token',
    risk: 'anyone with this file can read X (Twitter) data through your app, on its rate limits',
    // A run of `A` (the zero bytes that open every app-only token: 22 in gitleaks' reading), then 80 to
    // 100 letters, digits and `%` (its URL-encoded `+`, `/` and `=`, the marks the generic rules stop at),
    // under a name that holds the word `twitter`. The run of `A` is the format's own sign, so the name
    // needs no credential word (`twitter: "AAAA…"`).
    words: ['twitter'],
    value: 'A{20,24}[A-Za-z0-9%]{80,100}(?![A-Za-z0-9%])',
    valueMax: 124,
    minEntropy: 3.5,
    validate: (t) => lettersAndDigits(t) && /[a-z]/.test(t) && /[B-Z]/.test(t),
    make: () => `${'A'.repeat(22)}${drawMixed(`${ALNUM}%`, 90)}`,
    revokeUrl: 'https://developer.x.com/en/portal/dashboard',
    lines: (t) => [`twitter_token: "${t}"`, `TWITTER_BEARER_TOKEN=${t}`, `twitter_TOKEN :::= "${t}"`],
    negatives: [
      `twitter_token: "${'A'.repeat(22)}${'B'.repeat(90)}"`,
      `twitter_token: "${'A'.repeat(22)}${'AbC1%'.repeat(12)}"`, // 60 after the run: too short
      `twitter_image: "${'A'.repeat(40)}${'Qm9v'.repeat(30)}"`, // a base64 blob's zero bytes
    ],
  }),
  tokenRule({
    id: 'simplynoted-api-key',
    provider: 'SimplyNoted',
    description: 'SimplyNoted API key',
    risk: 'anyone with this file can send handwritten mail through your SimplyNoted account, on your bill',
    severity: 'warning',
    // The word `simplynoted` as a name or its first word (`SIMPLYNOTED_API_KEY=`, `simplynoted token = '`,
    // `"simplynoted_key": "`), an operator if any, an opening quote if any, then a run of 340 to 360
    // printable characters (quotes included: trufflehog's own key holds them) closed by a blank or the
    // line's end, a closing quote set aside. The value starts where the name's tail ends, never inside a
    // longer run of marks, and neither ends with a quote nor starts with one but right after the opening
    // quote (a quoted value's own quotes would otherwise count), so the length bounds hold. Every
    // repetition is bounded.
    keywords: ['simplynoted'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])${anyCase('simplynoted')}${NAME_TAIL}(?<secret>(?:(?<=["'\`])[!-~]|${MARKED})[!-~]{338,358}?${MARKED})["'\`]?(?=\\s|$)`,
    ),
    // The word, the name's tail, the longest value and its closing quote.
    maxLength: 11 + NAME_TAIL_MAX + 360 + 1,
    validate: simplyNotedOk,
    revokeUrl: 'https://simplynoted.com',
    sample: () =>
      `${drawMixed(ALNUM, 8)}${randomToken(`${ALNUM}${SIMPLYNOTED_MARKS}`, 331)}${randomToken(ALNUM, 1)}`,
    lines: (k) => [`simplynoted token = '${k}'`, `SIMPLYNOTED_API_KEY=${k}`, `  simplynoted_key: "${k}"`],
    negatives: [
      `simplynoted token = '${'Ab1;'.repeat(30)}'`, // 120 characters: not SimplyNoted's length
      `simplynoted token = '${'ab'.repeat(175)}'`, // no digit, and two letters repeated
      `# simplynoted: ${'the quick brown fox jumps over the lazy dog '.repeat(10)}`,
      `simplynoted token = '${'Ab1;'.repeat(100)}'`, // 400: longer than any
    ],
  }),
];
