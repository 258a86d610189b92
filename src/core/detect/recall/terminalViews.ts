import type { Edit } from './textView';

// What a terminal's paste holds that its screen did not show: colour sequences, NULs. Read by decodedViews.ts
// as its first stage.

/** A terminal's colour or cursor sequence (`ESC[31m`, `ESC[1;32m`, `ESC[K`). */
// eslint-disable-next-line no-control-regex -- ESC is the character this reads
const ANSI = /\u001b\[[0-9;?]{0,16}[A-Za-z]/g;
/** A NUL between a process's environment entries: the byte, `cat -v`'s `^@`, an escape's `\x00` or `\0`. */
// eslint-disable-next-line no-control-regex -- NUL is the character this reads
const NUL = /(?:\u0000|\^@|\\x00|\\0)(?=[A-Za-z_][A-Za-z0-9_]{0,64}=)/g;

/** Eight characters or more each followed, or each preceded, by a NUL: UTF-16 text read as bytes. */
// eslint-disable-next-line no-control-regex -- NUL is the character this reads
const UTF16 = /(?:[^\u0000]\u0000){8,}|(?:\u0000[^\u0000]){8,}/g;

/** UTF-16 runs of `text`: [start, end, the first NUL], each NUL then every second character. */
function utf16Runs(text: string): [number, number, number][] {
  return [...text.matchAll(UTF16)].map((m) => {
    const from = m.index;
    return [from, from + m[0].length, m[0].charCodeAt(0) === 0 ? from : from + 1];
  });
}

/**
 * A terminal's paste read as its screen showed it (hunter E, 2026-12-06): colour sequences dropped (a CI
 * log's or `git diff --color`'s `ESC[32m+DB_PASSWORD=…ESC[m`), the NULs of UTF-16 text read as bytes dropped
 * (a file or a tool's output pasted with a NUL beside each character), and the NULs between
 * `/proc/<pid>/environ`'s entries read as line ends, so that each entry is a line of its own as `env` prints it.
 */
export function terminalEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (text.includes('\u001b')) {
    for (const m of text.matchAll(ANSI)) {
      edits.push({ start: m.index, end: m.index + m[0].length, replacement: '' });
    }
  }
  const wide = text.includes('\u0000') ? utf16Runs(text) : [];
  for (const [, to, first] of wide) {
    for (let i = first; i < to; i += 2) {
      edits.push({ start: i, end: i + 1, replacement: '' });
    }
  }
  if (text.includes('\u0000') || text.includes('^@') || text.includes('\\x00') || text.includes('\\0')) {
    for (const m of text.matchAll(NUL)) {
      if (!wide.some(([from, to]) => m.index >= from && m.index < to)) {
        edits.push({ start: m.index, end: m.index + m[0].length, replacement: '\n' });
      }
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}
