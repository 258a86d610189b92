import { ALNUM, randomToken } from '../../src/core/detect/random';
import { freshSample } from '../../src/core/detect/rules/ruleKit';

/** A value of `n` characters of `chars` with no placeholder's word, run or sequence (see `freshSample`). */
export const fresh = (chars: string, n: number): string => freshSample(() => randomToken(chars, n));

/** Letters of both cases and digits, all three present, with no placeholder's word, run or sequence. */
export function mixed(n: number, chars = ALNUM): string {
  for (;;) {
    const v = fresh(chars, n);
    if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) {
      return v;
    }
  }
}

/** `n` distinct characters of `chars`, in the order drawn (a value built from them has a known entropy). */
export function distinctChars(chars: string, n: number): string[] {
  for (;;) {
    const v = randomToken(chars, n);
    if (new Set(v).size === n) {
      return v.split('');
    }
  }
}

/** `n` characters of `chars`, drawn again until `accept` takes them (for predicates most draws pass). */
export function drawnUntil(chars: string, n: number, accept: (value: string) => boolean): string {
  for (;;) {
    const v = randomToken(chars, n);
    if (accept(v)) {
      return v;
    }
  }
}

/** How many of `draws` fresh values of `n` characters of `chars` `accept` takes (a judge's share of random draws). */
export function takenOf(chars: string, n: number, accept: (value: string) => boolean, draws = 400): number {
  let taken = 0;
  for (let i = 0; i < draws; i++) {
    taken += accept(randomToken(chars, n)) ? 1 : 0;
  }
  return taken;
}
