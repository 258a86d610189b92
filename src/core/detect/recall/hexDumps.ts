import { findSecrets } from '../scanner';
import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * A hex dump pasted from a terminal (`xxd`, `hexdump -C`, `od -A x -t x1z`): each line shows 16 bytes in
 * hex and then as text, so a secret in the dumped bytes shows 16 characters a line, in pieces no detector
 * reads whole, and in hex beside them. The dump is decoded back to its bytes, the report tier and the
 * other detectors run over them, and each line that holds a byte of what they find is hidden from its
 * first hex byte to its text column's end.
 */

/** `xxd`: an offset, `:`, up to eight groups of two bytes, then the text column. */
const XXD = /^([0-9a-f]{7,8}):((?: [0-9a-f]{2,4}){1,8}) {1,40}(.{1,16})$/;
/** `hexdump -C` and `od … z`: an offset, up to sixteen bytes (an extra blank after the eighth), `|text|`. */
const CANONICAL = /^([0-9a-f]{7,8})((?: {1,2}[0-9a-f]{2}){1,16}) {1,50}[|>](.{1,16})[|<]$/;
/** A dump line's offset, tried at a line's start: the cheap test that a text may hold one. */
const DUMP_LINE_AT = /[0-9a-f]{7,8}(?::| {1,2}[0-9a-f]{2} )/y;
/** What starts a line for a pattern's `^` (flag `m`) besides the text's start. */
const BREAKS = ['\n', '\r', '\u2028', '\u2029'];
/** The most dump lines decoded as one block: 64 KB of dumped bytes. */
const MAX_LINES = 4096;

interface DumpLine {
  /** Where the hex bytes start and the text column ends, in the text. */
  readonly from: number;
  readonly to: number;
  /** Where this line's bytes start in the block's decoded text. */
  readonly at: number;
}

/** Hides what the report tier and `inner` find in the bytes of each hex dump of the text. */
export function hexDumpDetector(inner: () => readonly RecallDetector[]): RecallDetector {
  return (text, out) => {
    if (!holdsDumpLine(text)) {
      return;
    }
    let lines: DumpLine[] = [];
    let bytes = '';
    const flush = (): void => {
      if (lines.length > 0) {
        hideFound(bytes, lines, inner(), out);
      }
      lines = [];
      bytes = '';
    };
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const line = text.slice(start, end).replace(/\r$/, '');
      const m = line.length <= 120 ? (XXD.exec(line) ?? CANONICAL.exec(line)) : null;
      if (m === null || lines.length >= MAX_LINES) {
        flush();
      }
      if (m !== null) {
        const hex = m[2]!.replace(/ /g, '');
        const group = m[2]!;
        const hexAt = line.indexOf(group, m[1]!.length) + (group.length - group.trimStart().length);
        lines.push({ from: start + hexAt, to: start + line.length, at: bytes.length });
        for (let i = 0; i + 1 < hex.length; i += 2) {
          bytes += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
        }
      }
      if (nl === -1) {
        break;
      }
      start = nl + 1;
    }
    flush();
  };
}

/**
 * Whether a line of `text` starts with a dump line's offset: what `/^…/m` answers, asked only at line starts
 * (found by `indexOf`) that open with a hex digit. The multiline pattern was tried at every character of
 * every text (about 0.1 ms on 100 KB of code).
 */
function holdsDumpLine(text: string): boolean {
  const dumpAt = (at: number): boolean => {
    const c = text.charCodeAt(at);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) {
      return false;
    }
    DUMP_LINE_AT.lastIndex = at;
    return DUMP_LINE_AT.test(text);
  };
  if (dumpAt(0)) {
    return true;
  }
  for (const b of BREAKS) {
    for (let at = text.indexOf(b); at !== -1; at = text.indexOf(b, at + 1)) {
      if (dumpAt(at + 1)) {
        return true;
      }
    }
  }
  return false;
}

/** Hides the dump lines that hold a byte of what is found in the block's decoded `bytes`. */
function hideFound(
  bytes: string,
  lines: readonly DumpLine[],
  inner: readonly RecallDetector[],
  out: RecallSpan[],
): void {
  const found: RecallSpan[] = findSecrets(bytes).map((m) => ({
    start: m.finding.start,
    end: m.finding.end,
    kind: 'hex-dump',
  }));
  for (const detect of inner) {
    detect(bytes, found);
  }
  const hidden = new Set<number>();
  let k = 0;
  for (const f of found.sort((a, b) => a.start - b.start)) {
    while (k + 1 < lines.length && lines[k + 1]!.at <= f.start) {
      k++;
    }
    for (let j = k; j < lines.length && lines[j]!.at < f.end; j++) {
      hidden.add(j);
    }
  }
  for (const j of [...hidden].sort((a, b) => a - b)) {
    out.push({ start: lines[j]!.from, end: lines[j]!.to, kind: 'hex-dump' });
  }
}
