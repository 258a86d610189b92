import { ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { VALUE, VALUE_ENDS } from './credentialLiterals';
import { literalOk, markedValueQuoted } from './literalChecks';
import { tokenOk } from './genericValues';
import { tokenRule } from './ruleKit';

/**
 * Name/value pairs: a credential's name given as the value of a name field, and its value in the sibling
 * value field, on the same line or the next. Kubernetes and Compose write `- name: DB_PASSWORD` then
 * `value: …`, ECS task definitions and Azure app settings `{"name": "…", "value": "…"}`, Terraform
 * `{ name = "…", value = "…" }`, CloudFormation `- Name:`/`Value:` and `"ParameterKey"`/`"ParameterValue"`.
 * The assignment rules see `name: DB_PASSWORD` and a `value:` that names nothing. The pair is the
 * assignment here, and the value must pass what those rules ask of a value (`literalOk`, `tokenOk`).
 *
 * Names with `pass`, `pwd`, `cret` or `cred` in them only (`DB_PASSWORD`, `CLIENT_SECRET`, `SECRET_KEY`,
 * `AWS_CREDENTIALS`): `token` is too frequent a word in code (64K hits on the bench tree, each an attempt:
 * 12-19% of the engine's time), and `key` in a hostile file (`keyJ…` ten thousand times in 1 MB cost 10-25%
 * more there). A token's or an `API_KEY`'s value is found by its provider's format, and the redact tier
 * hides any value of such a pair (recall/pairValues.ts).
 */

/**
 * Between the name and its sibling value field: a comma, a line break, or both (the value field on the
 * next line of a YAML item or a JSON object). An XML element's `key="…" value="…"`, a blank between, is
 * an assignment rule's already.
 */
const BETWEEN = `(?:[ \\t]{0,4},[ \\t]{0,8}(?:\\r?\\n[ \\t]{0,32})?|[ \\t]{0,4}\\r?\\n[ \\t]{0,32})`;
const BETWEEN_MAX = 4 + 1 + 8 + 2 + 32;

/** The keys of a name field: Kubernetes and Compose `name`, CloudFormation `Name` and `ParameterKey`. */
const NAME_KEYS = ['ParameterKey', 'name', 'Name', 'NAME', 'key', 'Key'];
/** A name field up to the name's opening quote, as the pattern reads it back from the credential word. */
const NAME_FIELD = `(?<![A-Za-z0-9_.-])(?:ParameterKey|name|Name|NAME|key|Key)["']?[ \\t]{0,4}[:=][ \\t]{0,4}["']?`;
/** The credential words the match starts at (the rule's keywords). */
const WORD = '(?:[Pp]ass|PASS|[Pp]wd|PWD|cret|CRET|[Cc]red|CRED)';

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;
const isQuote = (c: number): boolean => c === 0x22 || c === 0x27;
/** `[A-Za-z0-9_.-]` by character code: the walk back over a name is the test's one loop. */
const NAME_CHARS = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9_.-]/.test(String.fromCharCode(c)) ? 1 : 0));
const isNameChar = (c: number): boolean => c < 128 && NAME_CHARS[c] === 1;

/**
 * The credential's name around `at` (a credential word's hit inside it), when that name is the value of
 * a name field: read back over the name, its opening quote if any, `:` or `=`, and a name field's key.
 * Undefined otherwise. Each step reads a bounded number of characters, so an attempt at an ordinary
 * `password` in code costs a few comparisons.
 */
export function pairNameAt(text: string, at: number): string | undefined {
  let i = at;
  while (i > 0 && at - i < 44 && isNameChar(text.charCodeAt(i - 1))) {
    i--;
  }
  const start = i;
  if (isQuote(text.charCodeAt(i - 1))) {
    i--;
  }
  while (i > 0 && start - i < 6 && isBlank(text.charCodeAt(i - 1))) {
    i--;
  }
  const op = text.charCodeAt(i - 1);
  if (op !== 0x3a && op !== 0x3d) {
    return undefined;
  }
  i--;
  const opAt = i;
  while (i > 0 && opAt - i < 4 && isBlank(text.charCodeAt(i - 1))) {
    i--;
  }
  if (isQuote(text.charCodeAt(i - 1))) {
    i--;
  }
  const key = NAME_KEYS.find((k) => text.startsWith(k, i - k.length));
  if (key === undefined || isNameChar(text.charCodeAt(i - key.length - 1))) {
    return undefined;
  }
  let end = at;
  while (end < text.length && end - at < 48 && isNameChar(text.charCodeAt(end))) {
    end++;
  }
  const name = text.slice(start, end);
  return /^[A-Za-z]/.test(name) ? name : undefined;
}

/** The last word of a credential's name, or a qualified key (`API_KEY`, `clientSecret`, `signingKey`). */
const CREDENTIAL_WORD = /^(?:password|passwd|pwd|pass|passphrase|secret|credentials?)$/;
const KEY_QUALIFIER =
  /^(?:api|access|private|secret|auth|client|signing|encryption|master|app|session|account)$/;
/** Words before it that make the value something else (`PUBLIC_KEY`, `CONFIRM_PASSWORD`). */
const STOP_WORDS = new Set(['public', 'publishable', 'confirm', 'example', 'sample', 'fake', 'dummy']);

/** Whether a pair's name names a credential: judged on its words, the last one first. */
export function pairNamesCredential(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter((w) => w.length > 0);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2] ?? '';
  return (
    !words.some((w) => STOP_WORDS.has(w)) &&
    (CREDENTIAL_WORD.test(last) || (last === 'key' && KEY_QUALIFIER.test(before)) || last === 'apikey')
  );
}

/**
 * The test before each attempt, at a credential word: the name around it is a name field's value (what
 * the pattern's look back asks, read by hand, so it holds wherever the pattern matches).
 */
function mayStartAt(text: string, at: number): boolean {
  return pairNameAt(text, at) !== undefined;
}

/** The pair's name, read back from its value at `start`. */
const NAME_BEFORE_VALUE = new RegExp(
  `([A-Za-z][A-Za-z0-9_.-]{0,63})["']?${BETWEEN}["']?(?:Parameter)?[Vv]alue["']?[ \\t]{0,4}[:=][ \\t]{0,4}["'\`]?$`,
);

/** A found value: the pair's name names a credential, and a marked value is quoted (`markedValueQuoted`). */
function inPair(text: string, start: number, secret: string): boolean {
  const name = NAME_BEFORE_VALUE.exec(text.slice(Math.max(0, start - 180), start))?.[1];
  return name !== undefined && pairNamesCredential(name) && markedValueQuoted(text, start, secret);
}

export const namedPairRules: readonly Rule[] = [
  tokenRule({
    id: 'name-value-pair-credential',
    provider: 'Generic',
    description: 'Credential set through a name/value pair',
    risk: 'anyone with this file can use this credential wherever it is accepted',
    severity: 'warning',
    keywords: ['pass', 'pwd', 'cret', 'cred'],
    pattern: new RegExp(
      `${WORD}(?<=${NAME_FIELD}[A-Za-z0-9_.-]{0,44}${WORD})[A-Za-z0-9_.-]{0,44}["']?${BETWEEN}` +
        `["']?(?:Parameter)?[Vv]alue["']?[ \\t]{0,4}[:=][ \\t]{0,4}["'\`]?${VALUE}`,
      'm',
    ),
    maxLength: 48 + 1 + BETWEEN_MAX + 1 + 9 + 5 + 1 + 4 + 1 + 4 + 1 + 200 + 1,
    endsBefore: VALUE_ENDS,
    mayStartAt,
    validate: (v) => literalOk(v) || tokenOk(v),
    inContext: inPair,
    sample: () => `${randomToken(ALNUM, 10)}!${randomToken(ALNUM, 4)}`,
    lines: (v) => [
      `env:\n  - name: DB_PASSWORD\n    value: "${v}"`,
      `        - name: STRIPE_SECRET\n          value: ${v}`,
      `[{"name": "DB_PASSWORD", "value": "${v}"}]`,
      `{\n  "name": "clientSecret",\n  "value": "${v}"\n}`,
      `{ name = "STRIPE_SECRET_KEY", value = "${v}" }`,
      `- Name: DbPassword\n  Value: '${v}'`,
      `{"ParameterKey": "MasterUserPassword", "ParameterValue": "${v}"}`,
    ],
    negatives: [
      '- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password',
      '- name: LOG_LEVEL\n  value: verbose-debug-mode',
      '- name: DB_PASSWORD\n  value: "${DB_PASSWORD}"',
      '- name: DB_PASSWORD_FILE\n  value: /run/secrets/db_password',
      '{"name": "password", "value": "Enter your password"}',
      '- name: PUBLIC_KEY\n  value: "k1Tq9ZrXc0Lm2Wv8"',
      'input.value = password;',
    ],
  }),
];
