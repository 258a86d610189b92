import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { builtinRules } from './catalog';
import { charLog, gramOffset, windowPenalty } from './gramOffset';
import type { KeywordIndex } from './keywordIndex';
import { asciiLower, buildKeywordIndex, HASH_BITS, QUAD_MUL, SHIFT, TRI_MUL } from './keywordIndex';

// The index built by buildKeywordIndex's typed-array loops against a plain build of the same thing (Maps of
// arrays, `includes`, one `Math.log` per character): identical field by field.

/** The plain build: how the index is defined, written for reading rather than start-up. */
function plainIndex(keywordLists: readonly (readonly string[])[], wordLists: readonly (readonly string[])[]) {
  const ids = new Map<string, number>();
  const keywords: string[] = [];
  const idsOf = (list: readonly string[]): number[] => {
    const mine = new Set<number>();
    for (const kw of list.map(asciiLower).filter((k) => k.length > 0)) {
      if (!ids.has(kw)) {
        ids.set(kw, keywords.length);
        keywords.push(kw);
      }
      mine.add(ids.get(kw)!);
    }
    return [...mine];
  };
  const ruleKeywords = keywordLists.map(idsOf);
  const ruleWords = keywordLists.map((_, r) => idsOf(wordLists[r] ?? []));
  const n = keywords.length;
  const mask = new Uint8Array(1 << HASH_BITS);
  const slots = [new Map<number, number[]>(), new Map<number, number[]>()];
  const enter = (table: number, slot: number, bit: number, id: number): void => {
    mask[slot]! |= bit;
    const list = slots[table]!.get(slot) ?? [];
    slots[table]!.set(slot, list);
    if (!list.includes(id)) {
      list.push(id);
    }
  };
  const f = {
    pairs: new Uint8Array(1 << 16),
    grams: new Int32Array(n),
    shortShift: new Uint8Array(n),
    gramAt: new Uint8Array(n),
    tails: new Int32Array(n),
    tailAt: new Uint8Array(n),
    covered: new Uint8Array(n),
    verify: new Uint8Array(n),
  };
  const otherKeywords: number[] = [];
  keywords.forEach((kw, id) => {
    f.verify[id] = kw.length <= 4 ? 0 : 2;
    if ([...kw].some((ch) => ch.charCodeAt(0) > 0xff)) {
      otherKeywords.push(id);
      return;
    }
    const at = kw.length > 4 ? plainGramOffset(kw) : 0;
    const gram = [...kw.slice(at, at + 4)].reduce((g, ch) => (g << 8) | ch.charCodeAt(0), 0);
    f.grams[id] = gram;
    f.gramAt[id] = at;
    if (kw.length > 4) {
      const tail = at === 0 ? Math.min(8, kw.length - 4) : at >= 4 ? 0 : kw.length - 4;
      f.tailAt[id] = tail;
      f.tails[id] = [0, 1, 2, 3].reduce((g, k) => (g << 8) | kw.charCodeAt(tail + k), 0);
      const span = Math.max(at, tail) + 4 - Math.min(at, tail);
      f.covered[id] = Math.abs(at - tail) <= 4 && span >= kw.length ? 1 : 0;
      f.verify[id] = f.covered[id] === 1 ? 1 : 2;
    }
    if (kw.length === 1) {
      otherKeywords.push(id);
    } else if (kw.length === 2) {
      f.shortShift[id] = 16;
      f.pairs[gram] = 1;
      for (let b = 0; b < 256; b++) {
        enter(1, Math.imul((gram << 8) | b, TRI_MUL) >>> SHIFT, 8, id);
      }
    } else if (kw.length === 3) {
      f.shortShift[id] = 8;
      enter(1, Math.imul(gram, TRI_MUL) >>> SHIFT, 2, id);
    } else {
      enter(0, Math.imul(gram >>> 0, QUAD_MUL) >>> SHIFT, 1, id);
      mask[Math.imul(gram >>> 8, TRI_MUL) >>> SHIFT]! |= 4;
    }
  });
  const pack = (lists: Map<number, number[]>) => {
    const first = new Int32Array(1 << HASH_BITS);
    const count = new Uint16Array(1 << HASH_BITS);
    const all: number[] = [];
    lists.forEach((list, slot) => {
      first[slot] = all.length;
      count[slot] = list.length;
      all.push(...list);
    });
    return { first, count, ids: Int32Array.from(all) };
  };
  return {
    ...f,
    keywords,
    ruleKeywords,
    ruleWords,
    keywordRules: keywords.map((_, id) => ruleKeywords.flatMap((list, r) => (list.includes(id) ? [r] : []))),
    keywordless: ruleKeywords.flatMap((list, r) => (list.length === 0 ? [r] : [])),
    longestKeyword: Math.max(0, ...keywords.map((kw) => kw.length)),
    mask,
    quadSlots: pack(slots[0]!),
    triSlots: pack(slots[1]!),
    maxGramAt: Math.max(0, ...f.gramAt),
    otherKeywords,
  };
}

/** gramOffset as first written: every window scored, one `Math.log` per character. */
function plainGramOffset(kw: string): number {
  const logs = Array.from(kw, charLog);
  let best = 0;
  let bestScore = Infinity;
  for (let at = 0; at + 4 <= kw.length; at++) {
    const score = logs[at]! + logs[at + 1]! + logs[at + 2]! + logs[at + 3]! + windowPenalty(kw, at);
    if (score < bestScore - 1e-9) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

function assertSame(actual: KeywordIndex, expected: ReturnType<typeof plainIndex>): void {
  for (const [field, value] of Object.entries(expected)) {
    assert.deepEqual((actual as unknown as Record<string, unknown>)[field], value, field);
  }
  assert.equal(actual.tablesBuilt, true);
}

/** `count` keyword lists of 0-4 keywords each, drawn from `pool` and random strings (some upper-case, some not Latin-1). */
function randomLists(seed: number, count: number, pool: readonly string[]): string[][] {
  const ints = seededInts(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789_-.:= ABCXYZ\u00e9\u0161\u4e2d';
  const word = (): string =>
    Array.from({ length: 1 + ints(14) }, () => alphabet[ints(alphabet.length)]!).join('');
  return Array.from({ length: count }, () =>
    Array.from({ length: ints(5) }, () => (ints(3) === 0 ? pool[ints(pool.length)]! : word())),
  );
}

describe('buildKeywordIndex', () => {
  it("builds the built-in catalogue's index exactly as the plain build does", () => {
    const lists = builtinRules.map((r) => r.keywords);
    const words = builtinRules.map((r) => r.finderWords ?? []);
    const index = buildKeywordIndex(lists, words);
    assert.ok(index.keywords.length > 500 && index.triSlots.ids.length > 256);
    assertSame(index, plainIndex(lists, words));
  });

  it('makes the hash tables at their first read, not before', () => {
    const index = buildKeywordIndex([['token', 'ab'], ['secret']]);
    assert.deepEqual(index.keywords, ['token', 'ab', 'secret']);
    assert.equal(index.tablesBuilt, false);
    assert.equal(index.mask.length, 1 << HASH_BITS);
    assert.equal(index.tablesBuilt, true);
    assert.equal(index.triSlots, index.triSlots, 'made once');
  });

  it('builds random keyword sets exactly as the plain build does', () => {
    const pool = builtinRules.flatMap((r) => r.keywords);
    for (let seed = 1; seed <= 40; seed++) {
      const lists = randomLists(seed, 1 + (seed % 7) * 20, pool);
      const words = randomLists(seed + 1000, seed % 3 === 0 ? lists.length : 0, pool);
      assertSame(buildKeywordIndex(lists, words), plainIndex(lists, words));
    }
  });

  it("spreads a two-byte keyword's 256 third bytes over 256 three-byte slots (so it enters each once)", () => {
    for (let d = 1; d < 256; d++) {
      const apart = Math.imul(d, TRI_MUL) >>> 0;
      assert.ok(apart >= 2 ** SHIFT && apart <= 2 ** 32 - 2 ** SHIFT, `third bytes ${d} apart`);
    }
    const index = buildKeywordIndex([['q:']]);
    assert.equal(index.triSlots.ids.length, 256);
    assert.ok(index.triSlots.count.every((c) => c <= 1));
  });

  it('picks the same gram offset as the plain scoring for every catalogue keyword and random strings', () => {
    const ints = seededInts(7);
    const random = Array.from({ length: 2000 }, () =>
      Array.from({ length: 4 + ints(20) }, () =>
        String.fromCharCode(ints(3) === 0 ? ints(256) : 97 + ints(26)),
      ).join(''),
    );
    for (const kw of [...builtinRules.flatMap((r) => r.keywords.map(asciiLower)), ...random]) {
      assert.equal(gramOffset(kw), plainGramOffset(kw), kw);
    }
  });
});
