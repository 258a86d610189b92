import { serviceKeyIndex } from '../rules/serviceKeys';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

/**
 * The passphrase of an exchange API credential, written after the service's word on the line that holds
 * its key: `kucoin <passphrase> kucoin <secret> kucoin <key>`. The report tier finds the key and the
 * secret by their format (the service key table); a passphrase has none (any 7 to 64 printable
 * characters), so only its place names it: after the same word as a value the table found, on that line.
 */

/** Services whose API credential holds a passphrase the user chose, besides a key and a secret. */
const PASSPHRASE_SERVICES = /kucoin|okx|okex|bitget|coinbase/gi;

/** A word, blanks, and the run after them, up to a blank. */
const WORD_THEN_RUN = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9]{2,30})[ \t]{1,4}([!-~]{7,64})(?![!-~])/g;

/** Longest line read: a passphrase sits on a short line next to its key, not in a minified file. */
const MAX_LINE = 2000;

/** A run that may be a passphrase: letters and something else, not a word, a path, a URL or a call. */
function passphraseLike(run: string): boolean {
  const classes =
    Number(/[a-z]/.test(run)) +
    Number(/[A-Z]/.test(run)) +
    Number(/[0-9]/.test(run)) +
    Number(/[^A-Za-z0-9]/.test(run));
  return classes >= 3 && !/^[a-z]+:\/\/|^[./~]|\(.*\)$|^[A-Za-z_]\w*[.(]/.test(run);
}

/** The same names for the tier's shared word search: a text that names none is passed over at once. */
const SERVICE_WORDS = wordSet(['kucoin', 'okx', 'okex', 'bitget', 'coinbase']);

export const findServiceParts: RecallDetector = (text, out) => {
  if (!holdsWord(text, SERVICE_WORDS)) {
    return;
  }
  // Only the lines that name such a service are read, each once.
  let done = -1;
  for (const hit of text.matchAll(PASSPHRASE_SERVICES)) {
    if (hit.index <= done) {
      continue;
    }
    const start = text.lastIndexOf('\n', hit.index) + 1;
    const nl = text.indexOf('\n', hit.index);
    const end = nl === -1 ? text.length : nl;
    if (end - start <= MAX_LINE) {
      partsOnLine(text, start, end, out);
    }
    done = end;
  }
};

function partsOnLine(
  text: string,
  from: number,
  to: number,
  out: { start: number; end: number; kind: string }[],
): void {
  const line = text.slice(from, to);
  // Only a word written twice or more before runs can pair a part with a key: most lines stop here.
  const runs = [...line.matchAll(WORD_THEN_RUN)];
  const seen = new Map<string, number>();
  for (const m of runs) {
    seen.set(m[1]!.toLowerCase(), (seen.get(m[1]!.toLowerCase()) ?? 0) + 1);
  }
  if (![...seen.values()].some((n) => n >= 2)) {
    return;
  }
  const keys = serviceKeyIndex.find(text, from, to);
  for (const m of runs) {
    const word = m[1]!.toLowerCase();
    const runStart = from + m.index + m[0].length - m[2]!.length;
    const run = m[2]!.replace(/[,;]+$/, '');
    // A run the table found is a key or a secret itself: the report tier hides it under its own kind.
    if (keys.some((k) => k.start < runStart + run.length && k.end > runStart)) {
      continue;
    }
    const named = keys.some(
      (k) =>
        (k.end <= runStart || k.start >= runStart + run.length) &&
        // The key follows the same word: `kucoin <key>`.
        new RegExp(`(?<![A-Za-z0-9_])${word}[ \\t]{1,4}$`, 'i').test(
          text.slice(Math.max(from, k.start - 40), k.start),
        ) &&
        serviceKeyIndex.servicesNamed(word).some((e) => e.provider === k.provider),
    );
    if (named && (seen.get(word) ?? 0) >= 2 && passphraseLike(run)) {
      out.push({ start: runStart, end: runStart + run.length, kind: 'passphrase' });
    }
  }
}
