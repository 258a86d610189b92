import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

/**
 * Postman's auth blocks (collections, environments' exports; Insomnia and Bruno import them): `"apikey": [
 * {"key": "value", "value": "…"}, {"key": "key", "value": "X-API-Key"} ]`, `"bearer": [{"key": "token",
 * "value": "…"}]`. The field that holds the secret is named `value` and its role sits in a sibling `key`,
 * lines away once the JSON is pretty-printed: each entry is read whole, in either order of its fields.
 */

/** Per auth type, the entries' `key`s whose `value` is a secret. */
const SECRET_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  apikey: new Set(['value']),
  bearer: new Set(['token']),
  basic: new Set(['password']),
  digest: new Set(['password']),
  ntlm: new Set(['password']),
  jwt: new Set(['secret', 'privatekey']),
  oauth1: new Set(['consumersecret', 'tokensecret', 'privatekey']),
  oauth2: new Set(['accesstoken', 'clientsecret', 'refreshtoken', 'password', 'access_token']),
  awsv4: new Set(['secretkey', 'sessiontoken']),
  hawk: new Set(['authkey']),
  akamai: new Set(['clienttoken', 'clientsecret', 'accesstoken']),
  edgegrid: new Set(['clienttoken', 'clientsecret', 'accesstoken']),
};
const WORDS = wordSet(Object.keys(SECRET_KEYS).map((k) => `"${k}"`));
/** `"apikey": [`: an auth type's list of entries. */
const BLOCK =
  /"(apikey|bearer|basic|digest|ntlm|jwt|oauth1|oauth2|awsv4|hawk|akamai|edgegrid)"[ \t]{0,8}:\s{0,64}\[/g;
/** One entry of the list: what its braces hold, without nested braces. */
const ENTRY = /\{([^{}[\]]{0,2048})\}/y;
const KEY_FIELD = /"key"\s{0,16}:\s{0,16}"([^"\\\r\n]{1,64})"/;
const VALUE_FIELD = /"value"\s{0,16}:\s{0,16}"((?:[^"\\\r\n]|\\.){1,4096})"/;
/** Between entries: a comma and blanks. */
const BETWEEN = /\s{0,64},?\s{0,64}/y;

export const findAuthBlocks: RecallDetector = (text, out) => {
  if (!holdsWord(text, WORDS)) {
    return;
  }
  const block = new RegExp(BLOCK.source, 'g');
  for (let m = block.exec(text); m !== null; m = block.exec(text)) {
    const secretKeys = SECRET_KEYS[m[1]!]!;
    let at = block.lastIndex;
    for (let n = 0; n < 32; n++) {
      BETWEEN.lastIndex = at;
      BETWEEN.exec(text);
      ENTRY.lastIndex = BETWEEN.lastIndex;
      const entry = ENTRY.exec(text);
      if (entry === null) {
        break;
      }
      const body = entry[1]!;
      const key = KEY_FIELD.exec(body);
      const value = VALUE_FIELD.exec(body);
      if (key !== null && value !== null && secretKeys.has(key[1]!.toLowerCase())) {
        const secret = value[1]!;
        // `{{apiKey}}`: a Postman variable, filled in from an environment.
        if (!isPlaceholderValue(secret) && !/^\{\{[^{}]{1,128}\}\}$/.test(secret)) {
          const start = entry.index + 1 + value.index + value[0].length - 1 - secret.length;
          out.push({ start, end: start + secret.length, kind: m[1] === 'basic' ? 'password' : 'credential' });
        }
      }
      at = ENTRY.lastIndex;
    }
    block.lastIndex = Math.max(block.lastIndex, at);
  }
};
