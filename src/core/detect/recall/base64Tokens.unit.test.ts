import * as assert from 'node:assert/strict';
import { assertLinear } from '../../../../test/support/cpuTime';
import { ALNUM, BASE64, randomToken } from '../random';
import { findBase64Tokens, readsGenerated } from './base64Tokens';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findBase64Tokens, text, values);
const leaves = (text: string): void => assertUntouched(findBase64Tokens, text);

/**
 * A drawn base64 value of `n` characters with a `+` and a `/` inside, that reads as drawn whatever the draw:
 * its fixed middle (`k7Q+`, `/x3M`) holds both cases and digits.
 */
function drawn(n = 40): string {
  for (;;) {
    const half = (n - 8) / 2;
    const value = `${randomToken(BASE64, Math.floor(half))}k7Q+/x3M${randomToken(BASE64, Math.ceil(half))}`;
    if (readsGenerated(value)) {
      return value;
    }
  }
}

describe('redact tier: generated base64 values wherever they stand', () => {
  it('hides a value in prose, a chat line, a list of steps and a ticket, with no word beside it', () => {
    const v = drawn();
    hides(`2. Log in with qa_admin / ${v}\n3. Click "Export"`, v);
    hides(`[Mon 08:16] gina: Acme-Guest / ${v}`, v);
    hides(`tim: ok new staging creds → admin@stg / ${v}`, v);
    hides(`the staging basic-auth is stg:${v} (browser will prompt)`, v);
    hides(`[10:14] Zoe Li: The code for the meeting room door changed, it's ${v} now`, v);
    hides(`* root on the old Solaris box: ${v} (yes, really)`, v);
    hides(`A senha do banco de homologação é ${v}`, v);
  });

  it('hides a value in code and data: a call, a JSON string, an XML element, a Markdown cell', () => {
    const v = drawn();
    hides(`const pusher = new Pusher('${v}', { cluster: 'eu' });`, v);
    hides(`{"type":"message","text":"db pass for reporting is ${v}","ts":"1714043521.002300"}`, v);
    hides(`<stringProp name="Argument.value">${v}</stringProp>`, v);
    hides(`| staging | ${v} |`, v);
    hides(`auth = UsmUserData("monitor", "${v}", "${v}")`, v);
  });

  it('hides a value that opens with a mark, ends in padding, or follows `=` in one run', () => {
    const slash = `/${drawn(39)}`;
    hides(`Ihr Initialpasswort lautet: ${slash}`, slash);
    const padded = `${drawn(42)}==`;
    hides(`secure: ${padded}`, padded);
    const v = drawn();
    hides(`Using token=${v} for now`, v);
    hides(`?sig=${v}&se=2030`, v);
  });

  it('hides a URL userinfo that is a drawn value, not the `//` before it', () => {
    const v = drawn();
    const text = `Sentry.init({ dsn: "https://${v}@o450000.ingest.sentry.io/5500" })`;
    hides(text, v);
    const spans: { start: number; end: number }[] = [];
    findBase64Tokens(text, spans as never);
    assert.equal(text.slice(spans[0]!.start, spans[0]!.end), v);
  });

  it('leaves paths, URLs and names, which hold `/` or `+` between words', () => {
    leaves('import { findBase64Tokens } from "./src/core/detect/recall/base64Tokens";');
    leaves('/usr/lib/x86_64-linux-gnu/libQt5Core.so.5 and /usr/include/llvm/IR/IntrinsicsX86.td');
    leaves(
      'see https://github.com/HubSpot/youmightnotneedjquery/blob/ef987223c20e480fcbfb5924d96c11cd928e1226/README.md',
    );
    leaves('/* Legal values for p_type field of Elf32_Phdr/Elf64_Phdr.  */');
    leaves('**doc**: /s/SHASUM256/SHASUMS256 (Jon Moss)');
    leaves('@return the length of the merged sort key, src1Length+src2Length;');
    leaves('deps: fix GHSA-f74f-cvh7-c6q6/CVE-2024-24806 (Santiago Gimeno)');
    leaves('include "llvm/IR/IntrinsicsX86.td"');
  });

  it('leaves digests, data URLs, URL-encoded and escaped text, and public armour', () => {
    const v = drawn(86);
    leaves(`"integrity": "sha512-${v}==",`);
    leaves(`go.opentelemetry.io/otel v1.21.0 h1:${drawn(43)}=`);
    leaves(`<img src="data:image/png;base64,${drawn(60)}">`);
    leaves(`smp=smp%3A%2F%2F${drawn(43)}%3D%40smp4.simplex.im`);
    const body = Array.from({ length: 4 }, () => drawn(64)).join('\n');
    leaves(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);
    leaves(`-----BEGIN PGP SIGNATURE-----\n\n${body}\n=AbCd\n-----END PGP SIGNATURE-----`);
  });

  it('leaves values that read as no draw: no digit, one case, a repeat, a sequence, too short or too long', () => {
    leaves(`key: ${randomToken('abcdefghijklmnopqrstuvwxyz+/', 40)}`);
    leaves(`key: ${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/', 40)}`);
    leaves('key: Abc123+Xyz789/Abc123+Xyz789/Qq');
    leaves('key: ABCDEFGHIJ+abcdefghij/0123456789');
    leaves(`key: ${drawn(20).slice(0, 19)}`);
    leaves(`key: ${drawn(520)}`);
    // Letters and digits alone are left to the detectors that read a name or a label.
    leaves(`key ${randomToken(ALNUM, 40)}`);
  });

  it('reads a flood of runs with marks and no `=` in linear time', () => {
    // Each run's search for its last `=` once went on past the run to the text's previous one.
    assertLinear((n) => findBase64Tokens(`x=${'ab/cdefghijklmnopqrstuv '.repeat(n)}`, []), 4000);
  });

  it('reads a value as drawn only with both cases, digits and few words', () => {
    assert.equal(readsGenerated(drawn()), true);
    assert.equal(readsGenerated('TheQuickBrownFox/JumpsOverTheLazyDog42'), false);
    assert.equal(readsGenerated('Path/To/Module42/Index'), false);
  });
});
