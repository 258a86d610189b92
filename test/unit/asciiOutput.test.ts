import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';

const repo = resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is the build script, plain CommonJS
const { escapeNonAscii } = require(join(repo, 'esbuild.js')) as { escapeNonAscii: (text: string) => string };

/** Regex literals with characters past ASCII, as the sources hold them (flags included), and texts to try. */
const LITERALS = [
  '/contrase|passwort|l[oö]senord|has[lł]o|пароль|密码|パスワード|비밀번호/i',
  '/‹secret:([a-z0-9][a-z0-9-]*)#(\\d+)›/g',
  '/[:?…]$|^:/',
  '/^[😀-😂]+$/u',
  '/x😀y/',
];
const TEXTS = [
  'ПАРОЛЬ',
  'пароль',
  'lösenord',
  'LÖSENORD',
  'hasło',
  '密码',
  '‹secret:token#12›',
  'and so…',
  '😀😁',
  'x😀y',
  'plain',
];

describe('ASCII bundles (esbuild.js asciiOutput)', () => {
  it('writes a regex literal with \\u escapes that match exactly what the literal matched', () => {
    for (const literal of LITERALS) {
      const escaped = escapeNonAscii(literal);
      assert.ok(
        [...escaped].every((ch) => ch.charCodeAt(0) < 0x80),
        escaped,
      );
      const before = runInNewContext(literal) as RegExp;
      const after = runInNewContext(escaped) as RegExp;
      assert.equal(after.flags, before.flags);
      for (const text of TEXTS) {
        assert.deepEqual(
          [...text.matchAll(new RegExp(after.source, after.flags.replace('g', '') + 'g'))].map((m) => [...m]),
          [...text.matchAll(new RegExp(before.source, before.flags.replace('g', '') + 'g'))].map((m) => [
            ...m,
          ]),
          `${literal} on ${text}`,
        );
      }
    }
  });

  it('leaves ASCII text as it is', () => {
    const text = 'const a = /[a-z]+/g; // plain\n';
    assert.equal(escapeNonAscii(text), text);
  });
});
