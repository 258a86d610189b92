import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { spellsWords } from './tokenShape';
import type { RecallDetector, RecallSpan } from './recallSpan';

/** Test support: the spans `detect` finds in `text`. */
export function spansOf(detect: RecallDetector, text: string): RecallSpan[] {
  const out: RecallSpan[] = [];
  detect(text, out);
  return out;
}

/** Asserts that every character of each of `values` in `text` lies inside a span `detect` finds. */
export function assertHidden(detect: RecallDetector, text: string, values: readonly string[]): void {
  const spans = spansOf(detect, text);
  for (const value of values) {
    const at = text.indexOf(value);
    assert.ok(at !== -1, `test value not in text: ${value}`);
    for (let i = at; i < at + value.length; i++) {
      assert.ok(
        spans.some((s) => s.start <= i && i < s.end),
        `character ${i - at} of ${JSON.stringify(value)} is not hidden in ${JSON.stringify(text)}`,
      );
    }
  }
}

/** Asserts that `detect` finds nothing in `text`. */
export function assertUntouched(detect: RecallDetector, text: string): void {
  const spans = spansOf(detect, text);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    [],
    `expected nothing hidden in ${JSON.stringify(text)}`,
  );
}

/** Test support: whether `out` holds 8 characters of `secret` in a row (what the leak checks count). */
export function leaksFragment(out: string, secret: string): boolean {
  return Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8)).some((p) =>
    out.includes(p),
  );
}

/** A value built at test time, so that the repository holds no credential-shaped literal. */
export function fake(length = 12): string {
  return randomToken(ALNUM, length);
}

/** Test support: a base62 draw of `n` with two digits and two letters at least, as nearly every draw of 20 or more has. */
export function draw(n: number): string {
  return `${randomToken(ALNUM, n - 4)}${randomToken('0123456789', 2)}a${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1)}`;
}

/**
 * Test support: a draw whose letters do not spell words. The detectors leave the few draws in 100 that do
 * (`Jtq`, `Rnd`, `Vkw`, `Ovm` in one) to the others by design (`spellsWords`), and a test of a draw must not
 * fail by the seed.
 */
export function wordlessDraw(n: number): string {
  for (;;) {
    const v = draw(n);
    if (!spellsWords(v, v.replace(/[^A-Za-z]/g, '').length)) {
      return v;
    }
  }
}

/** Test support: a random UUID, lower-case hex. */
export function uuidDraw(): string {
  return [8, 4, 4, 4, 12].map((n) => randomToken('0123456789abcdef', n)).join('-');
}
