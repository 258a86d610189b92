import * as assert from 'node:assert/strict';
import { decodeText } from './decodeText';

const text = 'Set-Variable -Name Token -Value "not-a-real-value"\r\nWrite-Host "done"\r\n';

function utf16be(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return b;
}

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    assert.deepEqual(decodeText(Buffer.from(text)), { text, encoding: 'utf8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é ' + text)]);
    assert.deepEqual(decodeText(bom), { text: 'é ' + text, encoding: 'utf8' });
  });

  it('reads UTF-16 LE and BE by their byte-order mark, non-ASCII included', () => {
    const s = 'mot de passe: «ÿü» ' + text;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    assert.deepEqual(decodeText(le), { text: s, encoding: 'utf16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(s)]);
    assert.deepEqual(decodeText(be), { text: s, encoding: 'utf16be' });
  });

  it('reads NUL-interleaved ASCII without a mark as UTF-16 (as PowerShell writes it)', () => {
    assert.deepEqual(decodeText(Buffer.from(text, 'utf16le')), { text, encoding: 'utf16le' });
    assert.deepEqual(decodeText(utf16be(text)), { text, encoding: 'utf16be' });
  });

  it('drops a dangling last byte of UTF-16 rather than inventing a character', () => {
    const odd = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('abc', 'utf16le'),
      Buffer.from([0x41]),
    ]);
    assert.deepEqual(decodeText(odd), { text: 'abc', encoding: 'utf16le' });
  });

  it('calls data with NULs at no single parity binary', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    assert.equal(decodeText(png), undefined);
    const mixed = Buffer.alloc(64);
    for (let i = 0; i < mixed.length; i++) {
      mixed[i] = i % 3 === 0 ? 0 : 0x41 + (i % 26);
    }
    assert.equal(decodeText(mixed), undefined);
    assert.equal(decodeText(Buffer.from([0])), undefined);
  });

  it('reads an empty file as empty text', () => {
    assert.deepEqual(decodeText(Buffer.alloc(0)), { text: '', encoding: 'utf8' });
  });
});
