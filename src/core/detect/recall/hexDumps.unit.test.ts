import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { hexDumpDetector } from './hexDumps';
import { RECALL_DETECTORS } from './recallTier';
import { assertLinear } from '../../../../test/support/cpuTime';
import { spansOf } from './spanCases';

const detect = hexDumpDetector(() => RECALL_DETECTORS);
const hex = (s: string): string[] =>
  [...Buffer.from(s, 'latin1')].map((b) => b.toString(16).padStart(2, '0'));
const shown = (s: string): string => s.replace(/[^\x20-\x7e]/g, '.');

/** `xxd`'s dump of `data`: offset, eight groups of two bytes, the bytes as text. */
function xxd(data: string): string {
  const out: string[] = [];
  for (let at = 0; at < data.length; at += 16) {
    const bytes = hex(data.slice(at, at + 16));
    const groups: string[] = [];
    for (let i = 0; i < bytes.length; i += 2) {
      groups.push(bytes.slice(i, i + 2).join(''));
    }
    out.push(
      `${at.toString(16).padStart(8, '0')}: ${groups.join(' ').padEnd(39)}  ${shown(data.slice(at, at + 16))}`,
    );
  }
  return out.join('\n');
}

/** `hexdump -C`'s dump of `data`: offset, sixteen bytes (a blank more after the eighth), `|text|`. */
function canonical(data: string): string {
  const out: string[] = [];
  for (let at = 0; at < data.length; at += 16) {
    const bytes = hex(data.slice(at, at + 16));
    const cells = `${bytes.slice(0, 8).join(' ')}  ${bytes.slice(8).join(' ')}`.trimEnd();
    out.push(`${at.toString(16).padStart(8, '0')}  ${cells.padEnd(49)}  |${shown(data.slice(at, at + 16))}|`);
  }
  return out.join('\n');
}

/** Whether `sent` (the text with `spans` hidden) still holds 8 characters of `secret`, or its hex. */
function leaks(text: string, secret: string): boolean {
  const spans = spansOf(detect, text);
  let sent = '';
  let at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    sent += text.slice(at, Math.max(at, s.start)) + '‹x›';
    at = Math.max(at, s.end);
  }
  sent += text.slice(at);
  for (let i = 0; i + 8 <= secret.length; i++) {
    if (sent.includes(secret.slice(i, i + 8))) {
      return true;
    }
  }
  const pairs = hex(secret);
  for (let i = 0; i + 4 <= pairs.length; i++) {
    if (sent.replace(/ /g, '').includes(pairs.slice(i, i + 4).join(''))) {
      return true;
    }
  }
  return false;
}

describe('redact tier: hex dumps (hexDumps.ts)', () => {
  it('hides the lines that hold a token or a password dumped by xxd or hexdump -C, text and hex', () => {
    const token = `ghp_${randomToken(ALNUM, 36)}`;
    const password = `${randomToken(ALNUM, 10)}#${randomToken(ALNUM, 6)}`;
    for (const dump of [xxd, canonical]) {
      assert.equal(
        leaks(
          `$ xxd request.bin\n${dump(`GET / HTTP/1.1\r\nAuthorization: Bearer ${token}\r\n\r\n`)}`,
          token,
        ),
        false,
      );
      assert.equal(leaks(dump(`{"user":"app","password":"${password}"}`), password), false);
    }
  });

  it('leaves a dump of bytes that hold no secret', () => {
    for (const dump of [xxd, canonical]) {
      assert.deepEqual(spansOf(detect, dump('GET /index.html HTTP/1.1\r\nHost: example.org\r\n\r\n')), []);
    }
  });

  it('reads a long dump in linear time', () => {
    const line = xxd('0123456789abcdef');
    assertLinear((n) => spansOf(detect, `${line}\n`.repeat(n / (line.length + 1))), 20_000);
  });
});
