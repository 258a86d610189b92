import type { FoundValue } from '../rule';
import type { Shape, WordAt } from './serviceKeyText';
import type { ServiceEntry } from './serviceKeyLines';
import { forEachDigitRun, randomDigits } from './digitRuns';
import { DottedRuns } from './dottedRuns';
import { drawnLetters, forEachLetterRun } from './letterRuns';
import { plainWords, shortRuns, wordSearch } from './shortRuns';
import { TOKEN_RUN, tokenRuns } from '../tokenRuns';
import {
  adjacent,
  credentialBefore,
  fits,
  forEachRun,
  isDotted,
  isNameAt,
  LOOK_BACK,
  lineStartBetween,
  looksGenerated,
  partOfLonger,
  matches,
  namesCredential,
  shapeLength,
  wordsBefore,
} from './serviceKeyText';

/**
 * The engine behind `service-api-key`: hundreds of services whose keys have no prefix, only a fixed
 * alphabet and length, and whose name sits shortly before the key (`ZIPBOOKS_API_KEY=…`). One regex
 * or one prefilter keyword per service would cost hundreds of each; instead one linear pass finds runs
 * of token characters, and only a run piece whose length some service uses looks back a bounded window
 * for a word of a `Map`. Every step is a table lookup or a bounded loop, so hostile input stays linear.
 */

/**
 * Credential words (`access`, `private` too: the key they qualify; `pat`, a personal access token, as
 * `ASANA_PAT` says it): a hex or UUID value needs one near it.
 */
const CREDENTIAL_WORDS = new Set(
  'key token secret password passwd pass pwd auth access private pat'.split(' '),
);
/** How far past its shape's longest a one-part value may run on after a credential word (see `runsOn`). */
export const RUN_ON = 24;
/** A credential word anywhere between a service's word and a value that runs on, as Kingfisher reads one. */
const RUN_ON_CREDENTIAL = /secret|private|access|key|token/i;
/**
 * Shortest value of digits alone that a service's name right before can make a key (`RESTPACK_SECRET=<48
 * digits>`): a shorter number under a key's name is a port, a count or an id more often than a secret.
 */
const DIGITS_ONLY = 16;
/** Shortest table word matched as the start of a longer identifier word (`abuseipdbkey`, `logzio`). */
const PREFIX_WORD = 4;
/** Shortest table word matched as the end of a longer identifier word (`getsmartsheet`). */
const SUFFIX_WORD = 10;

const NONE: readonly ServiceEntry[] = [];

/** How far from a value the other parts of its credential (an id, a second key) are looked for. */
const COMPANION_REACH = 320;

/** The table, indexed: services per word, and which piece lengths are worth a look back. */
export class ServiceKeyIndex {
  private readonly byWord = new Map<string, ServiceEntry[]>();
  /** Lengths (index) a secret part can have; other pieces are never a candidate. */
  private readonly lengths: Uint8Array;
  /** Lengths a one-part value can have when it runs on past its shape's longest (see `runsOn`). */
  private readonly runOnLengths: Uint8Array;
  /** The same for shapes that hold a `.`, read as whole dotted runs; `maxDotted` is the longest. */
  private readonly dottedLengths: Uint8Array;
  private readonly maxDotted: number;
  private readonly prefixLengths: number[];
  /** The first `PREFIX_WORD` letters of each table word so long, and the last ones of each `SUFFIX_WORD` long. */
  private readonly heads: ReadonlySet<string>;
  private readonly tails: ReadonlySet<string>;
  /** The words of services with a value shorter than `TOKEN_RUN`: their values are read only after them. */
  private readonly shortWords: RegExp | undefined;
  /** The same words, plain, for the prefilter (see `Rule.finderWords`). */
  readonly shortWordList: readonly string[];
  readonly minLength: number;
  readonly maxLength: number;
  readonly longestWord: number;

  constructor(readonly entries: readonly ServiceEntry[]) {
    // One pass: flatMap, filter and spread copies over the ~550 entries were 4-5 ms of every start-up.
    const spans: [number, number][] = [];
    const dotted: [number, number][] = [];
    const short: ServiceEntry[] = [];
    for (const e of entries) {
      let shortValue = false;
      for (const p of e.parts.filter((part) => part.secret)) {
        const span = shapeLength(p.shape);
        (isDotted(p.shape) ? dotted : spans).push(span);
        shortValue ||= span[0] < TOKEN_RUN;
      }
      if (shortValue) {
        short.push(e);
      }
      for (const w of e.words) {
        (this.byWord.get(w) ?? this.byWord.set(w, []).get(w)!).push(e);
      }
    }
    this.maxLength = Math.max(...[...spans, ...dotted].map(([, hi]) => hi));
    this.minLength = Math.min(...[...spans, ...dotted].map(([lo]) => lo));
    this.maxDotted = Math.max(0, ...dotted.map(([, hi]) => hi));
    this.lengths = new Uint8Array(this.maxLength + 1);
    this.dottedLengths = new Uint8Array(this.maxDotted + 1);
    for (const [lo, hi] of spans) {
      this.lengths.fill(1, lo, hi + 1);
    }
    this.runOnLengths = new Uint8Array(this.maxLength + RUN_ON + 1);
    for (const e of entries) {
      for (const p of e.parts) {
        if (p.runsOn === true) {
          this.runOnLengths.fill(1, p.shape[0]!.max + 1, p.shape[0]!.max + RUN_ON + 1);
        }
      }
    }
    for (const [lo, hi] of dotted) {
      this.dottedLengths.fill(1, lo, hi + 1);
    }
    const words = [...this.byWord.keys()];
    this.longestWord = words.reduce((m, w) => Math.max(m, w.length), 0);
    this.prefixLengths = [...new Set(words.map((w) => w.length).filter((n) => n >= PREFIX_WORD))];
    this.heads = new Set(words.filter((w) => w.length >= PREFIX_WORD).map((w) => w.slice(0, PREFIX_WORD)));
    this.tails = new Set(
      words.filter((w) => w.length >= SUFFIX_WORD).map((w) => w.slice(w.length - PREFIX_WORD)),
    );
    this.shortWordList = plainWords(short.flatMap((e) => e.words));
    this.shortWords = wordSearch(this.shortWordList);
  }

  /**
   * Services' values in [from, to) of `text`, each with its service. Linear in the range: `work`, when
   * given, counts the characters read past the one pass (pieces, look-backs, companion windows).
   * `wordRuns`, when given, are the prefilter's runs of `shortWordList` (see `shortRuns`).
   */
  find(
    text: string,
    from: number,
    to: number,
    work?: { chars: number },
    wordRuns?: readonly number[],
  ): FoundValue[] {
    const out: FoundValue[] = [];
    const counter = work ?? { chars: 0 };
    // Where the last dotted run read ended: each is looked at once, from its first piece.
    let dottedEnd = -1;
    // The shared long runs, and shorter ones only within reach after a word of a service that has such
    // values (a value is only ever reported after its service's word, see `wordsBefore`).
    const long = tokenRuns(text, from, to, Math.max(this.minLength, TOKEN_RUN));
    const short =
      this.minLength >= TOKEN_RUN || this.shortWords === undefined
        ? []
        : shortRuns(
            text,
            from,
            to,
            this.shortWords,
            LOOK_BACK + this.longestWord,
            this.minLength,
            TOKEN_RUN - 1,
            wordRuns,
          );
    const dotted = new DottedRuns(text, long);
    forEachDigitRun(text, long, short, this.minLength, this.maxLength, (start, end) => {
      counter.chars += end - start;
      if (this.maxDotted > 0 && start >= dottedEnd) {
        if (dotted.find(start, end, this.maxDotted)) {
          const s = dotted.start;
          const e = dotted.end;
          counter.chars += e - s + (start - s);
          dottedEnd = e;
          const last = out.length === 0 ? undefined : out[out.length - 1];
          const provider =
            this.dottedLengths[e - s] === 1 &&
            (last === undefined || last.end <= s) &&
            looksGenerated(text, s, e)
              ? this.serviceOf(text, s, e, counter)
              : undefined;
          if (provider !== undefined) {
            out.push({ start: s, end: e, provider });
            return;
          }
        }
      }
      const last = out.length === 0 ? undefined : out[out.length - 1];
      // Most identifiers have no digit (see `fits`), so they stop here.
      if (
        (this.lengths[end - start] === 1 || this.runOnLengths[end - start] === 1) &&
        (last === undefined || last.end <= start) &&
        !partOfLonger(text, start, end) &&
        looksGenerated(text, start, end)
      ) {
        const provider = this.serviceOf(text, start, end, counter);
        if (provider !== undefined) {
          out.push({ start, end, provider });
        }
      } else if (
        end - start >= DIGITS_ONLY &&
        end - start <= this.maxLength &&
        this.lengths[end - start] === 1 &&
        (last === undefined || last.end <= start) &&
        !partOfLonger(text, start, end) &&
        randomDigits(text, start, end) &&
        credentialBefore(text, start, this.longestWord)
      ) {
        // Digits alone: a value only right after a credential name of its service, as letters alone are.
        const provider = this.namedRightBefore(text, start, end, counter);
        if (provider !== undefined) {
          out.push({ start, end, provider });
        }
      }
    });
    // Values with no digit, read only right after a credential name of their service (see `letterRuns.ts`).
    const byDigits = out.length;
    const visitLetters = (start: number, end: number): void => {
      counter.chars += end - start;
      if (
        end - start <= this.maxLength &&
        (this.lengths[end - start] === 1 || this.runOnLengths[end - start] === 1) &&
        !partOfLonger(text, start, end) &&
        // A letters-only value needs a credential name right before it (see `namedRightBefore`): most
        // assigned identifiers have none near, so their letters are never read.
        credentialBefore(text, start, this.longestWord) &&
        drawnLetters(text.slice(start, end))
      ) {
        // Or, past its shape's longest, a credential word between its service's word and it (`runsOn`;
        // the letters were judged drawn above, so the shape alone is asked of them).
        const provider =
          this.namedRightBefore(text, start, end, counter) ??
          this.runsOn(text, text.slice(start, end), start, wordsBefore(text, start, this.longestWord), true);
        if (provider !== undefined) {
          out.push({ start, end, provider });
        }
      }
    };
    forEachLetterRun(text, from, to, long, visitLetters);
    forEachLetterRun(text, from, to, short, visitLetters);
    return byDigits === out.length || byDigits === 0 ? out : out.sort((a, b) => a.start - b.start);
  }

  /**
   * The one-part service whose word starts a credential name right before [start, end)
   * (`parsehub token = '…'`, `"convertkit_key": "…"`): the only reading of a letters-only value.
   */
  private namedRightBefore(
    text: string,
    start: number,
    end: number,
    work: { chars: number },
  ): string | undefined {
    work.chars += LOOK_BACK + this.longestWord;
    const value = text.slice(start, end);
    for (const { word, end: wordEnd } of wordsBefore(text, start, this.longestWord)) {
      for (const entry of this.servicesNamed(word)) {
        if (
          entry.parts.length === 1 &&
          matches(value, entry.parts[0]!.shape) &&
          namesCredential(text.slice(wordEnd - word.length, start))
        ) {
          return entry.provider;
        }
      }
    }
    return undefined;
  }

  /** The service whose word names the value at [start, end) and whose other parts lie near it. */
  private serviceOf(text: string, start: number, end: number, work: { chars: number }): string | undefined {
    work.chars += LOOK_BACK + this.longestWord;
    const words = wordsBefore(text, start, this.longestWord);
    let credential = false;
    for (const { word } of words) {
      credential ||= CREDENTIAL_WORDS.has(word) || /(?:key|token|secret)$/.test(word);
    }
    const value = text.slice(start, end);
    for (const { word, end: wordEnd } of words) {
      // A hex or UUID value needs a credential word, or its service's word right before it (`cloze: …`).
      const named = credential || adjacent(text, wordEnd, start);
      for (const entry of this.servicesNamed(word)) {
        // An everyday word names a value in a credential name (`"hive_secret": "…"`) or right before it
        // (`mite '…'`, `kanban '…'`): never from a line above or a sentence.
        if (
          entry.named &&
          !namesCredential(text.slice(wordEnd - word.length, start)) &&
          !adjacent(text, wordEnd, start)
        ) {
          continue;
        }
        const k = entry.parts.findIndex((p) => p.secret && fits(value, p.shape, named || entry.named));
        if (
          k !== -1 &&
          entry.parts.every((p, j) => j === k || this.hasPart(text, start, end, entry, p.shape, work))
        ) {
          return entry.provider;
        }
      }
    }
    return this.runsOn(text, value, start, words);
  }

  /**
   * The one-part service whose value this is when read on past its shape's longest (a part marked `+`, by
   * at most `RUN_ON` characters of its class), with a credential word between the service's word and it
   * (`toggl SECRET <35 characters>`), as Kingfisher's patterns, which end with no boundary, read it.
   */
  private runsOn(
    text: string,
    value: string,
    start: number,
    words: readonly WordAt[],
    drawn = false,
  ): string | undefined {
    if (this.runOnLengths[value.length] !== 1) {
      return undefined;
    }
    for (const { word, end: wordEnd } of words) {
      if (!RUN_ON_CREDENTIAL.test(text.slice(wordEnd, start))) {
        continue;
      }
      for (const entry of this.servicesNamed(word)) {
        const part = entry.parts.length === 1 ? entry.parts[0]! : undefined;
        if (
          part?.runsOn !== true ||
          (entry.named && !namesCredential(text.slice(wordEnd - word.length, start)))
        ) {
          continue;
        }
        const seg = part.shape[0]!;
        if (
          value.length > seg.max &&
          value.length <= seg.max + RUN_ON &&
          (drawn ? matches : fits)(value, [{ cls: seg.cls, min: seg.min, max: seg.max + RUN_ON }], true)
        ) {
          return entry.provider;
        }
      }
    }
    return undefined;
  }

  /** Whether a value of `shape`, apart from [start, end), lies near it, named by one of `entry`'s words. */
  private hasPart(
    text: string,
    start: number,
    end: number,
    entry: ServiceEntry,
    shape: Shape,
    work: { chars: number },
  ): boolean {
    const [lo, hi] = shapeLength(shape);
    let found = false;
    const from = lineStartBetween(text, Math.max(0, start - COMPANION_REACH), start);
    const to = Math.min(text.length, end + COMPANION_REACH);
    work.chars += to - from;
    forEachRun(text, from, to, lo, (s, e) => {
      work.chars += LOOK_BACK;
      found ||=
        (e <= start || s >= end) &&
        e - s <= hi &&
        // An id is a value: a name (`VOUCHERY_API_KEY =`) is not one, nor is a piece of a longer run.
        !isNameAt(text, e) &&
        matches(text.slice(s, e), shape) &&
        wordsBefore(text, s, this.longestWord).some(({ word }) => this.servicesNamed(word).includes(entry));
    });
    return found;
  }

  /**
   * Services a lower-case word names: its own, those whose word (4+ letters) it starts with, and those whose
   * long word (10+ letters) it ends with, as a lower-case name glues a verb before it (`getsmartsheet`).
   */
  servicesNamed(word: string): readonly ServiceEntry[] {
    const exact = this.byWord.get(word);
    // Most words start no table word and end no long one: one look-up each says so, and spares the slices.
    if (
      word.length <= PREFIX_WORD ||
      (!this.heads.has(word.slice(0, PREFIX_WORD)) && !this.tails.has(word.slice(word.length - PREFIX_WORD)))
    ) {
      return exact ?? NONE;
    }
    const out = exact ? [...exact] : [];
    for (const n of this.prefixLengths) {
      if (n < word.length) {
        out.push(...(this.byWord.get(word.slice(0, n)) ?? []));
        if (n >= SUFFIX_WORD) {
          out.push(...(this.byWord.get(word.slice(word.length - n)) ?? []));
        }
      }
    }
    return out;
  }
}
