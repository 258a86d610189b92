import * as assert from 'node:assert/strict';
import { HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken, randomIndex } from '../random';
import { QUOTED, findQuotedLabels, quotedMatches } from './quotedLabels';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findQuotedLabels, text, values);
const leaves = (text: string): void => assertUntouched(findQuotedLabels, text);

describe('redact tier: short quoted values after a bare word', () => {
  it('hides a short key after a provider name or a credential word', () => {
    const upper = `${randomToken(UPPER_ALNUM, 4)}7K${randomToken(UPPER_ALNUM, 4)}2Q`;
    hides(`kanban '${upper}' kanban 'board.example.org'`, upper);
    const lower = `${randomToken(LOWER_ALNUM, 6)}4k${randomToken(LOWER_ALNUM, 6)}9x`;
    hides(`mite '${lower}' 'www.mite.example'`, lower);
    const pass = `${randomToken(HEX, 30)}a1-${randomToken(HEX, 7)}b-${randomToken(HEX, 7)}c`.replace(
      /(.)\1{3,}/g,
      '$1e5',
    );
    hides(`mailgun 'x' pass '${pass}'`, pass);
    hides(`vouchery "u;h9D3bzx"`, 'u;h9D3bzx');
    // Parts, but generated ones: no slug.
    hides(`mite "k3J9-x7Qm-Z2pL-5wT8"`, 'k3J9-x7Qm-Z2pL-5wT8');
    hides(`lob 'live_${lower}'`, `live_${lower}`);
    // A product key's groups are all of one length, letters and digits drawn: no constant's name.
    const group = (): string => `${randomToken(UPPER_ALNUM, 2)}7${randomToken(UPPER_ALNUM, 1)}Q`;
    const product = `${group()}-${group()}-${group()}-${group()}`;
    hides(`license '${product}'`, product);
    // A value is no constant spelling its name when the name holds less of it.
    hides(`kanban_${upper.slice(0, 4)} '${upper}'`, upper);
  });

  it('leaves modules, commands, versions, paths, host names, words and cut values', () => {
    for (const text of [
      "require 'net/http'",
      "gem 'rails', '7.1.3'",
      "import 'package:x1y2z3/main.dart'",
      "FROM 'node18-alpine'",
      "charset 'utf8mb4'",
      "image 'a1b2c3d4e5f6'",
      "runtime 'python3.12'",
      "server 'db01.example.org'",
      "describe 'parses v2 tokens'",
      "version 'v2.14.0-rc1'",
      "mode 'READ_WRITE'",
      "field 'lowercase_words_only'",
      "codec 'h264'",
      `websitepulse '3?${randomToken(HEX, 30)}'`,
      `mailgun '=2l6${randomToken(HEX, 30)}'`,
      `token = '${randomToken(LOWER_ALNUM, 6)}4k${randomToken(LOWER_ALNUM, 6)}9x'`,
      "placeholder 'your1key2here3'",
      // Names joined from short parts, in installed docs and configs: zones, stores, hooks, codecs, locales.
      "  and location 'us-central1-edge-den1', run:",
      "To describe the HL7v2 store 'test-hl7v2-store', run:",
      'bypass them (and the existing "p4-pre-submit" hook).',
      "Python 'utf-16-be' Codec",
      "# updated 'ca_es@valencia' -> 'ca_ES.UTF-8@valencia'",
      "* **api:** add 'gpt-3.5-turbo-instruct', fine-tune error objects",
      // C headers, CMake and Perl modules: cipher suites, constants spelling their names, templates, modules.
      '#define TLS_DEFAULT_CIPHERSUITES "TLS_AES_256_GCM_SHA384:" \\',
      '#define SSL3_TXT_DH_DSS_DES_192_CBC3_SHA "DH-DSS-DES-CBC3-SHA"',
      '#define TLS1_TXT_RSA_WITH_AES_256_CCM_8 "AES256-CCM8"',
      '#define SSL3_RFC_ADH_RC4_128_MD5 "TLS_DH_anon_WITH_RC4_128_MD5"',
      ' * the "!ADH" being part of default). Therefore "RC4:!COMPLEMENTOFDEFAULT"',
      '#define SSL_TXT_CAMELLIA128 "CAMELLIA128"',
      '#define SSL_TXT_GOST89MAC12 "GOST89MAC12"',
      '  if (NOT TARGET "hdf5::${hdf5_target_name}")',
      '  CapturePCM "hw:${CardId},${var:Mic1Dev}"',
      "  return $x if ref($e) eq 'Test2::Event::Diag';",
    ]) {
      leaves(text);
    }
  });

  it('finds what the pattern finds tried at every position', () => {
    // Words of every length, blanks, both quotes, values short and long, and look-behind characters.
    const pick = (...options: string[]): string => options[randomIndex(options.length)]!;
    const long = 'a1B2'.repeat(21);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let n = randomIndex(8); n > 0; n--) {
        text += pick('', '$', '.', '=', '-', 'é', '\n', "'", '"', ' ');
        text += pick('key', 'a', 'x1', 'Ab_c-d', '9lives', 'z'.repeat(32), 'z'.repeat(33), '');
        text += pick(' ', '  ', '\t', '    ', '     ', '');
        text += pick("'", '"', '');
        text += pick('Ab3dE5fG7h', 'A1b2', long.slice(0, 80), long, 'Ab3dE?5fG7h', '=Ab3dE5fG7h', '');
        text += pick("'", '"', '', ' ');
      }
      const fast = [...quotedMatches(text)].map((m) => [m.index, m[0]]);
      const slow = [...text.matchAll(QUOTED)].map((m) => [m.index, m[0]]);
      assert.deepEqual(fast, slow, JSON.stringify(text));
    }
  });
});
