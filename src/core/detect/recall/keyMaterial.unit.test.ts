import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { BASE64, BASE64URL, HEX, randomToken } from '../random';
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

  it('hides every line of a DER key pasted wrapped without its headers, and the shortest PKCS#8 keys', () => {
    // Keys made at test time: P-256 in SEC 1 (two full lines and a short one), P-384 in PKCS#8 (whose
    // scalar runs onto the second line), Ed25519 in PKCS#8 (one line of 64, `MC4…`).
    const body = (der: Buffer): string[] => der.toString('base64').match(/.{1,64}/g)!;
    const p256 = body(
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'der' }),
    );
    const p384 = body(
      generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'pkcs8', format: 'der' }),
    );
    const ed = body(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }));
    assert.equal(p256.length, 3);
    assert.deepEqual([ed.length, ed[0]!.length, ed[0]!.slice(0, 3)], [1, 64, 'MC4']);
    const pasted = `signing key:\n${p256.join('\n')}\nthanks`;
    hides(pasted, ...p256);
    const spans: { start: number; end: number; kind: string }[] = [];
    findKeyMaterial(pasted, spans);
    assert.deepEqual(
      spans.map((s) => pasted.slice(s.start, s.end)),
      [p256.join('\n')],
      'the lines and nothing after them',
    );
    hides(`    ${p384.join('\n    ')}\n`, ...p384);
    hides(`ED25519_KEY=${ed[0]}`, ed[0]!);
    // A certificate wrapped the same way stays (public), and so does an Ed25519 public key (`MCow…`).
    const cert = `MIIBbDCCAROgAwIBAgIU${randomToken(BASE64, 44)}\n${randomToken(BASE64, 64)}\n${randomToken(BASE64, 20)}==`;
    leaves(cert);
    const pub = generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'der' })
      .toString('base64');
    leaves(`${pub}${randomToken(BASE64, 20)}`);
  });

  it('hides a PEM body cut from the middle of a key file, with neither BEGIN nor END', () => {
    const lines = (n: number, width = 64): string[] =>
      Array.from({ length: n }, () => randomToken(BASE64, width));
    const body = [...lines(6), `${randomToken(BASE64, 23)}=`];
    const pasted = `here is the key:\n${body.join('\n')}\n\nthanks`;
    hides(pasted, ...body);
    const ssh = lines(5, 70);
    hides(`  ${ssh.join('\n  ')}\n`, ...ssh);
    // The hidden span covers the lines and nothing around them.
    const spans: { start: number; end: number; kind: string }[] = [];
    findKeyMaterial(pasted, spans);
    assert.deepEqual(
      spans.map((s) => pasted.slice(s.start, s.end)),
      [body.join('\n')],
    );
  });

  it('leaves armoured blocks, XML signatures, hash lists and short runs to others or alone', () => {
    const body = (n: number): string => Array.from({ length: n }, () => randomToken(BASE64, 64)).join('\n');
    leaves(`-----BEGIN CERTIFICATE-----\n${body(8)}\n-----END CERTIFICATE-----\n`);
    leaves(
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: x\n\n${body(8)}\n-----END PGP PUBLIC KEY BLOCK-----\n`,
    );
    leaves(`<ds:X509Certificate xmlns:ds="x">MIIE\n${body(8)}\n</ds:X509Certificate>`);
    leaves(Array.from({ length: 8 }, () => randomToken(HEX, 64)).join('\n'));
    leaves(`${body(3)}\n`);
    // A body that starts where a certificate's DER starts (SEQUENCE, SEQUENCE).
    const head = Buffer.from([0x30, 0x82, 0x03, 0x3d, 0x30, 0x82, 0x02, 0x25, 0xa0]).toString('base64');
    leaves(`${head}${randomToken(BASE64, 64 - head.length)}\n${body(6)}\n`);
  });
});
