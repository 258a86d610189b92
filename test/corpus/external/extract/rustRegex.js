'use strict';
// Reads a Nosey Parker rule's pattern (Rust `regex` syntax) as a JavaScript RegExp, so that the
// extractor finds the secret where the peer's own rule puts it: its capture groups.
// Run by the extractors only (node, offline); tests never run it.

// POSIX classes inside a bracket (`[[:alnum:]]`), as JavaScript class ranges.
const POSIX = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  xdigit: '0-9A-Fa-f',
  space: '\\s',
  upper: 'A-Z',
  lower: 'a-z',
  word: '\\w',
};

/**
 * The JavaScript source and flags of a Rust regex: leading flag groups (`(?x)(?i)`) become flags,
 * verbose mode's whitespace and `#` comments and `(?# …)` comments go, `(?P<name>` is `(?<name>`,
 * `\z`/`\A` are the input's ends, and an inline flag group (`(?i:…)`, which this node cannot read) is a
 * plain group whose flag applies to the whole pattern: it only widens what matches, and the extractor
 * uses the pattern to find the peer's own example values. Throws on syntax it does not read.
 */
function translate(pattern) {
  let flags = '';
  let s = pattern;
  for (let m = /^\s*\(\?([imsx]+)\)/.exec(s); m; m = /^\s*\(\?([imsx]+)\)/.exec(s)) {
    flags += m[1];
    s = s.slice(m[0].length);
  }
  const verbose = flags.includes('x');
  let out = '';
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1] ?? '';
      i++;
      if (n === 'z') out += '(?![\\s\\S])';
      else if (n === 'A') out += '(?<![\\s\\S])';
      else if (verbose && (n === ' ' || n === '#')) out += n;
      else out += c + n;
      continue;
    }
    if (inClass) {
      if (c === '[' && s[i + 1] === ':') {
        const end = s.indexOf(':]', i);
        const range = POSIX[s.slice(i + 2, end)];
        if (end < 0 || range === undefined) throw new Error(`POSIX class at ${i}`);
        out += range;
        i = end + 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (s[i + 1] === '^') out += s[++i];
      if (s[i + 1] === ']') out += `\\${s[++i]}`;
      continue;
    }
    if (verbose && /\s/.test(c)) continue;
    if (verbose && c === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (s.startsWith('(?#', i)) {
      while (i < s.length && s[i] !== ')') i++;
      continue;
    }
    if (s.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    const inline = /^\(\?([imsx]*)(?:-([imsx]*))?([:)])/.exec(s.slice(i));
    if (inline && (inline[1] !== '' || inline[2] !== undefined)) {
      flags += inline[1];
      if (inline[3] === ':') out += '(?:';
      i += inline[0].length - 1;
      continue;
    }
    out += c;
  }
  const jsFlags = [...new Set(flags.replace(/x/g, ''))].join('');
  return new RegExp(out, `${jsFlags}gd`);
}

module.exports = { translate };
