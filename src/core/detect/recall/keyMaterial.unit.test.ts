import * as assert from 'node:assert/strict';
import { BASE64, BASE64URL, randomToken } from '../random';
import { findKeyMaterial } from './keyMaterial';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findKeyMaterial, text, values);
const leaves = (text: string): void => assertUntouched(findKeyMaterial, text);
/** DER's first bytes in base64, then a random body: the detector reads only the head. */
const der = (head: number[]): string =>
  Buffer.from([...head, ...Array(24 - head.length).fill(0x41)]).toString('base64') + randomToken(BASE64, 160);

describe('redact tier: key material without PEM armour (keyMaterial.ts)', () => {
  it("hides a JWK's private members and leaves its public ones", () => {
    const [x, d] = [randomToken(BASE64URL, 43), randomToken(BASE64URL, 43)];
    const jwk = `{\n  "kty": "EC",\n  "crv": "P-256",\n  "x": "${x}",\n  "d": "${d}"\n}`;
    hides(jwk, d);
    const spans: { start: number; end: number; kind: string }[] = [];
    findKeyMaterial(jwk, spans);
    assert.ok(spans.every((s) => jwk.slice(s.start, s.end) !== x));
    leaves(`{"d": "${d}"}`); // no "kty": any JSON's `d`
  });

  it('hides a base64 DER private key or PKCS#12 bundle, and leaves a certificate', () => {
    const pkcs8 = der([0x30, 0x82, 0x02, 0x77, 0x02, 0x01, 0x00]);
    const ec = der([0x30, 0x77, 0x02, 0x01, 0x01]);
    const p12 = der([0x30, 0x82, 0x09, 0xcf, 0x02, 0x01, 0x03]);
    hides(`BUILD_CERTIFICATE_BASE64=${p12}\n`, p12);
    hides(`key_der = base64.b64decode("${pkcs8}")`, pkcs8);
    hides(`${ec}\n`, ec);
    assert.ok(pkcs8.startsWith('MII') && ec.startsWith('MH'));
    leaves(`CERT=${der([0x30, 0x82, 0x01, 0xf4, 0x30, 0x82, 0x01, 0x5d])}\n`);
  });
});
