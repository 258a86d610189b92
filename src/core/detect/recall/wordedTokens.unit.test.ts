import { ALNUM, HEX, randomToken } from '../random';
import { findBareLongTokens, findWordedTokens } from './wordedTokens';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findWordedTokens, text, values);
const leaves = (text: string): void => assertUntouched(findWordedTokens, text);
/** A generated key whose shape never depends on the draw. */
const key = (n = 32): string => `${randomToken(ALNUM, n - 4)}7q3Z`;

describe('redact tier: generated tokens next to credential words', () => {
  it('hides a generated value a few words after a credential word, in prose and in code', () => {
    const hex = `${randomToken(HEX, 30)}a7`;
    hides(`Your API2CART key is ${hex}, which you will need to access the API securely.`, hex);
    const k = key(58);
    hides(`"description": "Here's the token to test JIRA APIs: ${k}",`, k);
    const b = key(24);
    hides(`func getBetterStackToken() string{ return "${b}" }`, b);
    const p = `pri_${randomToken(HEX, 30)}7a`;
    hides(`url := "https://api.example.com/v1/besttime/keys/${p}"`, p);
    hides(`SECRET for the staging cluster = ${k}`, k);
  });

  it('leaves ids, digests, references, words and values too far from the word', () => {
    for (const text of [
      `the key id is ${key()}`,
      `token hash: ${randomToken(HEX, 64)}`,
      `ssh key fingerprint SHA256:${key(43)}`,
      `key = ${[8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-')}`,
      'the tokenizer splits refreshTokenFromStorageWhenExpired into pieces',
      `the monkey ate ${key()}`,
      `keyboard layout ${key()}`,
      `token${' '.repeat(60)}${key()}`,
      `token: ${key()}?x=1`,
      'password must hold at least twelve characters, one of them a digit',
      // The word is a URL's userinfo: after the host come a port and a path (ggshield's fixtures).
      `git clone https://user:password@git.example.com:84/${key(24)}/tools.git`,
      `https://token@git.example.com/${key(24)}/tools.git`,
    ]) {
      leaves(text);
    }
  });

  it('hides a memorable password a few words after a credential word, and leaves names of code and algorithms', () => {
    for (const [text, value] of [
      ['3. The VPN pre-shared key is Winter-Kettle-85', 'Winter-Kettle-85'],
      ['Current signing secret (until we move it to Vault): Forest-Sunset-71', 'Forest-Sunset-71'],
      ["here's the bot token if you need to test locally: River-Cloud-30", 'River-Cloud-30'],
      ['The bot token (Lemon-Copper-20) was found in a screenshot', 'Lemon-Copper-20'],
      ['- [ ] ask Sam to revoke token planet-anchor-22 once the new bot is live', 'planet-anchor-22'],
    ] as const) {
      hides(text, value);
    }
    for (const text of [
      'signature = hmac.new(key_utf8, text_utf8, hash_alg)',
      "if key.startswith(b'ecdsa-sha2-'):",
      '// Pin the public key, similar to HPKP pin-sha256 pinning',
      'METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",',
      '[key1, value1, source_offset1, key2, value2, source_offset2, ...]',
    ]) {
      leaves(text);
    }
  });

  it('hides a line that is one long generated token, and leaves digests, paths and PEM lines', () => {
    const long = `${key(131)}=`;
    assertHidden(findBareLongTokens, `\n${long}\n`, [long]);
    const vault = `${key(100)}-${key(50)}.${key(53)}`;
    assertHidden(findBareLongTokens, `# batch tokens\n\n${vault}\n`, [vault]);
    for (const text of [
      randomToken(HEX, 128),
      `${key(64)}\n${key(64)}\n${key(20)}==`,
      `/usr/local/lib/${'node_modules/'.repeat(8)}index.js`,
      `x = ${key(120)}`,
      'a'.repeat(200),
    ]) {
      assertUntouched(findBareLongTokens, text);
    }
  });

  it('leaves a documented example made of runs (`1a2b3c4d…abcdef123456…`), and hides a drawn key there', () => {
    leaves(`[DEBUG] Secret key = '1a2b3c4d5e6f7890${'abcdef1234567890'.repeat(3)}'`);
    const k = key(64);
    hides(`[DEBUG] Secret key = '${k}'`, k);
  });
});
