import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken, randomIndex } from '../random';
import { LABELLED, findLabelledTokens, labelledMatches } from './labelledTokens';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findLabelledTokens, text, values);
const leaves = (text: string): void => assertUntouched(findLabelledTokens, text);
/** A generated key whose shape never depends on the draw. */
const key = (n = 32): string => `${randomToken(ALNUM, n - 4)}7q3Z`;
const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

describe('redact tier: generated values on labelled lines', () => {
  it('hides a generated value after a provider name, a YAML key or a log label', () => {
    const k = key();
    hides(`mixpanel ${k} ${key(30)}`, k);
    const id = uuid();
    hides(`loggly '${id}' 'logs.example.org'`, id);
    hides(`onesignal: ${id}`, id);
    const hex = `${randomToken(HEX, 38)}a7`;
    hides(`  cloudsmith: "${hex}"`, hex);
    hides(`- cloze: ${hex} / someone@example.org`, hex);
    hides(`spotifykey key - '${k}'`, k);
    // A label that merely opens with a declaration's word is still a label.
    hides(`syncthing: ${k}`, k);
    hides(`highlightio ${k}`, k);
    // Quoted, or a `,` with more after it: a value still.
    hides(`mixpanel: '${k}';`, k);
    hides(`mixpanel ${k}, ${key(30)}`, k);
  });

  it('hides a generated value after an account: an e-mail address as the label, a service word or none after it', () => {
    const k = key();
    hides(`user@example.com mrticktock ${k}`, k);
    hides(`first.last+ops@mail.example.co.uk ${k}`, k);
    hides(`  - ops@example.org: "${k}"`, k);
    // Not an address (no dot in the domain, two @, an @handle): no label.
    leaves(`user@localhost ${k}`);
    leaves(`a@b@example.com mrticktock ${k}`);
    leaves(`@file krb5/${k}`);
    // The address itself is no credential.
    leaves('user@example.com joined the project on 2026-12-06');
  });

  it('leaves assignments in code, digests, ids, host names, prose and cut values', () => {
    const k = key();
    for (const text of [
      `apiMetrics := "${k}"`,
      `token = '${k}'`,
      `commit ${randomToken(HEX, 40)}`,
      `  sha256: ${randomToken(HEX, 64)}`,
      `client_id: ${randomToken(HEX, 40)}`,
      `image: ${uuid()}`,
      'domain: Truffle-security.org.a6z81.mng',
      `${key(24)} ${k}`,
      `websitepulse '3?${randomToken(HEX, 30)}'`,
      `mixpanel '${k}?x'`,
      'description: a long sentence about the service and its settings',
      '  version: 2024-05-01-preview-build-17',
      // Type names after a label in installed TypeScript: not generated, however often they switch case.
      '  startTime: DOMHighResTimeStamp | undefined',
      'interface Uint8ClampedArray extends RelativeIndexable<number> {}',
      '    Tail extends UnknownArrayOrTuple,',
      '  typeName: ZodFirstPartyTypeKind.ZodEffects,',
      'interface Int16ArrayConstructor {',
      'Files: lib/ext2fs/nls_utf8.c',
      'License: LGPLv3+_or_GPLv2+',
      // C headers and Vim syntax files: declarations, not labels.
      'typedef struct X509V3_CONF_METHOD_st {',
      'EXTERN Tk_CanvasTextInfo * Tk_CanvasGetTextInfo(Tk_Canvas canvas);',
      '\tunsigned long vm86dbg_TFpendig:1;\t/* for debugger */',
      'syn match ncfSetCommandsStr "\\(Default Time Server Type\\)\\s*="',
      ' hi FilterMenuLineNr guifg=#878787 guibg=NONE gui=NONE cterm=NONE',
      '  bool UseInstrRefDebugInfo = false;',
      '  CARD8 xf86vidmodeReqType; /* always X_XF86VidModeQueryVersion */',
      'GLboolean glXSet3DfxModeMESA (GLint mode);',
      '  DWORD dwSendDataLength,\n  DWORD dwFlags);',
      '  keyDetails: protobuf_specs_1.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,',
    ]) {
      leaves(text);
    }
  });

  it('finds what the pattern finds tried at every line start', () => {
    // Indentation, list marks, one- and two-word labels, separators and values of every reach.
    const pick = (...options: string[]): string => options[randomIndex(options.length)]!;
    const blanks = (n: number): string => ' '.repeat(n);
    // As far from its line's start as a value gets with no other long run on the line (label and word cut short).
    const farthest = `${blanks(32)}-${blanks(4)}a${'bbbbbbbbb.'.repeat(4)}${blanks(4)}c${'d'.repeat(14)}${blanks(4)}:${blanks(8)}"`;
    for (const text of [farthest, `x\n${farthest}`, `x\r${farthest}`]) {
      const fast = [...labelledMatches(`${text}${'a1B2'.repeat(4)}`)].map((m) => m[0]);
      assert.deepEqual(fast, [text.slice(text.indexOf(' '))]);
    }
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let n = randomIndex(6); n > 0; n--) {
        text += pick('', ' ', '\t', ' '.repeat(32), ' '.repeat(33), '- ', '* ', 'x ');
        text += pick(
          'label',
          'a',
          'my.label-x',
          'z'.repeat(41),
          'z'.repeat(42),
          'k9',
          'u.v+w@mail.example.co',
          'x@y',
        );
        text += pick('', ' word', ' w'.repeat(2), ' ' + 'w'.repeat(21));
        text += pick('', ':', ' :', ' -', '=');
        text += pick('', ' ', '\t', ' '.repeat(8), ' '.repeat(9));
        text += pick('', '"', "'", '`');
        text += pick('a1B2'.repeat(4), 'a1B2'.repeat(3), 'a1B2c3D4e5F6g7H8/+_-', 'x y');
        text += pick('\n', '\r\n', '\r', '\u2028', ' ', '"');
      }
      const fast = [...labelledMatches(text)].map((m) => [m.index, m[0]]);
      const slow = [...text.matchAll(LABELLED)].map((m) => [m.index, m[0]]);
      assert.deepEqual(fast, slow, JSON.stringify(text));
    }
  });
});
