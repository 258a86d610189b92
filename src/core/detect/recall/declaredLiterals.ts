import { credentialKind } from './credentialName';
import { type GatedPattern, type PatternGroup, runGroups } from './gatedPatterns';
import { namesApiKey } from './keySections';
import { isPlaceholderValue } from './literalValue';
import { isWordsOfCode, spellsItsName } from './nonSecretForms';
import type { RecallDetector } from './recallSpan';
import { wordSet } from './wordIndex';

// A literal given to a credential's name in a declaration syntax that namedLiterals.ts does not read as one
// (hunt H, 2026-12-07, sent each with a word for a value): VB's `Dim password As String = "…"`, C's
// `#define API_KEY "…"`, CMake's `set(API_TOKEN "…")`, RSpec's `let(:api_token) { "…" }`, nginx's
// `fastcgi_param DB_PASSWORD …;`, a namespaced YAML key (Pulumi's `myapp:dbPassword: …`), and an INI key of
// words (`client secret = …`). The name is judged by credentialName.ts (group `n`); under a plain `key` a
// word of code stays, as namedLiterals.ts leaves it.

/** Whether the name `m` captured is a credential's, and `value` one to hide under it. */
const named = (value: string, m: RegExpExecArray): boolean => {
  const name = m.groups!['n']!;
  const kind = credentialKind(name);
  return (
    kind !== undefined &&
    !spellsItsName(name, value) &&
    !isPlaceholderValue(value) &&
    (kind !== 'key' || namesApiKey(name) || !isWordsOfCode(value))
  );
};

/** A quoted value (`v`, `va`) or a bare one (`vb`). */
const QUOTED = `(?:"(?<v>[^"\\r\\n]{1,256})"|'(?<va>[^'\\r\\n]{1,256})')`;
const BARE = `(?<vb>[^\\s"'$;#()\\[\\]{}][^\\s;#()]{0,255})`;

const DECLARATIONS: readonly GatedPattern[] = [
  {
    re: /\b(?:Dim|Const)[ \t]{1,4}(?<n>[A-Za-z_]\w{0,63})[ \t]{1,4}As[ \t]{1,4}(?:String|SecureString)[ \t]{0,4}=[ \t]{0,4}"(?<v>[^"\r\n]{1,256})"/dgi,
    keep: named,
  },
  {
    re: /^[ \t]{0,8}#[ \t]{0,4}define[ \t]{1,8}(?<n>[A-Za-z_]\w{0,63})[ \t]{1,8}(?:L|u8|u|U)?"(?<v>[^"\\\r\n]{1,256})"/dgm,
    keep: named,
  },
  {
    re: new RegExp(
      `^[ \\t]{0,16}set[ \\t]{0,4}\\([ \\t]{0,4}(?<n>[A-Za-z_]\\w{0,63})[ \\t]{1,4}(?:${QUOTED}|${BARE})[ \\t]{0,4}(?:CACHE\\b[^)\\r\\n]{0,80})?\\)`,
      'dgim',
    ),
    keep: named,
  },
  {
    re: new RegExp(
      `\\blet!?\\([ \\t]{0,4}:(?<n>\\w{1,64})[ \\t]{0,4}\\)[ \\t]{0,4}\\{[ \\t]{0,4}${QUOTED}[ \\t]{0,4}\\}`,
      'dg',
    ),
    keep: named,
  },
  {
    re: new RegExp(
      `\\b(?:fastcgi_param|uwsgi_param|scgi_param)[ \\t]{1,8}(?<n>[A-Za-z_]\\w{0,63})[ \\t]{1,8}(?:${QUOTED}|${BARE})[ \\t]{0,4};`,
      'dg',
    ),
    keep: named,
  },
];
const DECLARATION_WORDS = wordSet([
  ' as string',
  ' as securestring',
  'define',
  'set(',
  'set (',
  'let(',
  'let!(',
  '_param',
]);

/**
 * A YAML key with a namespace (`myapp:dbPassword: …`, Pulumi's stack config), and an INI key of words
 * (`client secret = …`) in a text with an INI section: a value to the line's end.
 */
const YAML_KEYS: readonly GatedPattern[] = [
  {
    re: new RegExp(
      `^[ \\t]{1,16}[A-Za-z][\\w-]{0,63}:(?<n>[A-Za-z_][\\w-]{0,63})[ \\t]{0,4}:[ \\t]{1,4}(?:${QUOTED}|(?<vb>[^\\s#"'{}[\\]&*!|>][^\\s#]{0,255}))[ \\t]*\\r?$`,
      'dgm',
    ),
    keep: named,
  },
];
const INI_KEYS: readonly GatedPattern[] = [
  {
    re: /^[ \t]{0,8}(?<n>[A-Za-z][\w-]{0,31}(?: [\w-]{1,32}){1,2})[ \t]{0,4}=[ \t]{0,4}(?<vb>[^\s#;"'][^\r\n#;]{0,255}?)[ \t]*\r?$/dgm,
    keep: named,
  },
];
const KEY_WORDS = wordSet(['password', 'passwd', 'secret', 'token']);

/** An INI section's line (`[credentials]`): an INI key of words is read only in a text that holds one. */
const INI_SECTION = /^\[[\w .-]{1,64}\][ \t]*\r?$/m;

const GROUPS: readonly PatternGroup[] = [
  { words: DECLARATION_WORDS, patterns: DECLARATIONS, around: { before: 0, after: 0 } },
  { words: KEY_WORDS, patterns: YAML_KEYS, around: { before: 0, after: 0 } },
];
const INI_GROUP: readonly PatternGroup[] = [
  { words: KEY_WORDS, patterns: INI_KEYS, around: { before: 0, after: 0 } },
];

export const findDeclaredLiterals: RecallDetector = (text, out) => {
  runGroups(text, GROUPS, out);
  if (text.includes('[') && INI_SECTION.test(text)) {
    runGroups(text, INI_GROUP, out);
  }
};
