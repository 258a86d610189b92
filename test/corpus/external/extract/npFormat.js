'use strict';
// The format a Nosey Parker rule's capture group fixes for its secret: where the group is a plain sequence
// of literals and character-class runs (`dt0[a-zA-Z]{1}[0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}`,
// `[a-zA-Z0-9]{76}AZDO[a-zA-Z0-9]{4}`), the example's value is read part by part against it, so the
// re-drawn value keeps what the peer's pattern fixes (literal prefixes and infixes, each run's place and
// length) instead of being read as one random run. Run by the extractor only (node, offline).
const { escapeRe, shapeOf } = require('./shape');

/** The source of capturing group `n` (1-based) of a regex source, or undefined. */
function groupSource(source, n) {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    if (c !== '(') continue;
    const capturing =
      source[i + 1] !== '?' || (source.startsWith('(?<', i) && !/^\(\?<[=!]/.test(source.slice(i)));
    if (!capturing || ++count !== n) continue;
    const start = source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
    let depth = 1;
    let cls = false;
    for (let j = start; j < source.length; j++) {
      const d = source[j];
      if (d === '\\') j++;
      else if (cls) cls = d !== ']';
      else if (d === '[') cls = true;
      else if (d === '(') depth++;
      else if (d === ')' && --depth === 0) return source.slice(start, j);
    }
    return undefined;
  }
  return undefined;
}

const ESCAPED_CLASS = { d: '[0-9]', w: '[A-Za-z0-9_]' };

/**
 * Whether `b` follows `a` when counting (`a`→`b`, `c`→`D`, `8`→`9`, `9`→`0`, `z`→`A` or `0`): the peers
 * count in either case, or switch case as they go (`abcDEFGhijKLmno…`).
 */
function follows(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (y.charCodeAt(0) === x.charCodeAt(0) + 1 && /[0-9a-z]/.test(y) && /[0-9a-z]/.test(x)) {
    return !(x === '9' || x === 'z');
  }
  return /[9z]/.test(x) && /[0a1]/.test(y);
}

/**
 * Whether a run of an example is the peer's counting stand-in (`ABCDEFGHIJKLMNOPQRSTUVWXY`,
 * `abcdef123456abcdef123456`, `12345678901234567890`): four characters or more, most of them one step
 * after the one before. A random run of 36 characters has such a step once in 36 pairs.
 */
function counted(run) {
  if (run.length < 4) return false;
  let steps = 0;
  for (let i = 1; i < run.length; i++) if (follows(run[i - 1], run[i])) steps++;
  return steps >= 0.6 * (run.length - 1);
}

/**
 * A counting stand-in of letters alone or digits alone (`ABCDEFGHIJKLMNOPQRSTUVWXY`, `1234567890…`): it gives
 * the format's length and nothing of its alphabet, which a key of a mixed group is all capitals or all
 * digits once in thousands of draws. (A counting run over hex, `abcdef123456…`, reads as hex, as before.)
 */
function oneAlphabetCount(run) {
  return counted(run) && /^(?:[A-Za-z]+|[0-9]+)$/.test(run);
}

/**
 * The group's parts: `{ lit }` for a literal run, `{ cls, min, max }` for a class run, `{ opt: parts }`
 * for an optional plain group. Undefined for anything else (an alternation, `.`, a nested group).
 */
function partsOf(src) {
  const parts = [];
  let i = 0;
  const quant = () => {
    const m = /^(?:\{(\d+)(?:(,)(\d*))?\}|([+*?]))/.exec(src.slice(i));
    if (!m) return [1, 1];
    i += m[0].length;
    if (m[4]) return m[4] === '+' ? [1, Infinity] : m[4] === '*' ? [0, Infinity] : [0, 1];
    return [Number(m[1]), m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1])];
  };
  while (i < src.length) {
    const c = src[i];
    let atom;
    if (c === '[') {
      let j = i + 1;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      atom = src.slice(i, j + 1);
      i = j + 1;
      if (atom.startsWith('[^')) return undefined;
    } else if (c === '\\') {
      const n = src[i + 1];
      i += 2;
      if (ESCAPED_CLASS[n]) atom = ESCAPED_CLASS[n];
      else if (/[.\-_:!@#/+=]/.test(n)) atom = { lit: n };
      else return undefined;
    } else if (src.startsWith('(?:', i)) {
      const inner = groupSource(`(${src.slice(i + 3)}`, 1);
      if (inner === undefined) return undefined;
      i += 3 + inner.length + 1;
      const [min, max] = quant();
      // Literal alternatives (DigitalOcean's `(?:dop|doo)_v1_`): the example's own choice is kept.
      if (/^[A-Za-z0-9_]+(?:\|[A-Za-z0-9_]+)+$/.test(inner)) {
        if (min !== 1 || max !== 1) return undefined;
        parts.push({ alt: inner.split('|') });
        continue;
      }
      const sub = partsOf(inner);
      if (sub === undefined || min !== 0 || max !== 1) return undefined;
      parts.push({ opt: sub });
      continue;
    } else if (/[A-Za-z0-9\-_:!@#/=,]/.test(c)) {
      atom = { lit: c };
      i++;
    } else {
      return undefined;
    }
    const [min, max] = quant();
    if (typeof atom === 'string') parts.push({ cls: atom, min, max });
    else if (min === 1 && max === 1) parts.push(atom);
    else return undefined;
  }
  return parts;
}

/** A matcher for `parts`, one capture per part (an optional group's parts captured inside it). */
function matcher(parts) {
  return parts
    .map((p) => {
      if (p.opt) return `(?:${matcher(p.opt)})?`;
      if (p.alt) return `(${p.alt.map(escapeRe).join('|')})`;
      if (p.lit !== undefined) return `(${escapeRe(p.lit)})`;
      return `(${p.cls}{${p.min},${p.max === Infinity ? '' : p.max}})`;
    })
    .join('');
}

function flat(parts) {
  return parts.flatMap((p) => (p.opt ? flat(p.opt) : [p]));
}

/**
 * A base64 run that opens a JSON object (`eyJ1Ijoi…`, `{"u":"`: a Mapbox token's body): the characters
 * that encode the object's opening up to its first value stay, the rest is re-drawn.
 */
function jsonHead(text) {
  if (!text.startsWith('eyJ')) return 0;
  const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  const head = /^\{"[A-Za-z0-9_]{1,16}":"/.exec(decoded);
  return head ? Math.floor(head[0].length / 3) * 4 : 0;
}

/**
 * The regex that re-draws `value` in the format the rule's capture group `group` (a JavaScript source)
 * fixes, or undefined where the group is not a plain sequence or the value does not read against it.
 * Literals stay as the example writes them (in its case); a run of at most two characters that the
 * pattern fixes in width right after the leading literal (Dynatrace's `dt0` `c` `01`) is the format's
 * version, kept; a base64 JSON opening is kept (`jsonHead`); every other run is re-drawn by `shapeOf` at
 * its length.
 */
function groupShape(value, group, flags) {
  const parts = group === undefined ? undefined : partsOf(group);
  // A group of class runs alone is read only for a counting stand-in, whose alphabet the group gives.
  if (parts === undefined || (!parts.some((p) => p.lit !== undefined) && !oneAlphabetCount(value))) {
    return undefined;
  }
  const m = new RegExp(`^${matcher(parts)}$`, flags.replace(/[gdy]/g, '')).exec(value);
  if (!m) return undefined;
  const all = flat(parts);
  let out = '';
  let leadingLiteral = false;
  all.forEach((p, k) => {
    const text = m[k + 1];
    if (text === undefined || text === '') return;
    if (p.lit !== undefined || p.alt) {
      out += escapeRe(text);
      leadingLiteral = leadingLiteral || k === 0;
      return;
    }
    const version =
      leadingLiteral && p.min === p.max && p.max <= 2 && all.slice(0, k).every((q) => q.lit || q.max <= 2);
    if (version) {
      out += escapeRe(text);
      return;
    }
    // A counting stand-in (`ABCDEFGHIJKLMNOPQRSTUVWXY` for `[0-9A-Z]{25}`) is drawn over the group's class:
    // the peer wrote a place-holder of the length, not a key that is all capitals.
    if (oneAlphabetCount(text)) {
      out += `${p.cls}{${text.length}}`;
      return;
    }
    const head = jsonHead(text);
    const rest = text.slice(head);
    // A run the example writes in a narrower alphabet than the group's where its re-draw would leave the
    // group (Everhour's `ABCD` where the group takes hex) is drawn over the group's own class.
    const run = rest.length === 0 ? '' : shapeOf(rest);
    const own = `${p.cls}{${rest.length}}`;
    out += escapeRe(text.slice(0, head)) + (run !== '' && leavesGroup(run, own, flags) ? own : run);
  });
  return out;
}

module.exports = { groupSource, groupShape, partsOf, jsonHead, counted, oneAlphabetCount };

/** One value drawn from a shape `shapeOf` writes (literals, escapes, `[class]{n}`), or undefined. */
function drawShape(shape) {
  let out = '';
  const re = /\\(.)|\[((?:[^\]\\]|\\.)+)\]\{(\d+)\}|([^\\[])/gy;
  let m;
  let at = 0;
  while (at < shape.length && (m = re.exec(shape))) {
    at = re.lastIndex;
    if (m[1] !== undefined || m[4] !== undefined) {
      out += m[1] ?? m[4];
      continue;
    }
    const chars = [];
    const body = m[2].replace(/\\(.)/g, '$1');
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === '-' && i + 2 < body.length) {
        for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) chars.push(String.fromCharCode(c));
        i += 2;
      } else chars.push(body[i]);
    }
    for (let k = 0; k < Number(m[3]); k++) out += chars[Math.floor(Math.random() * chars.length)];
  }
  return at === shape.length ? out : undefined;
}

/** Whether values drawn from `shape` fall outside the rule's group (some of 64 draws do not match it). */
function leavesGroup(shape, group, flags) {
  const whole = new RegExp(`^(?:${group})$`, flags.replace(/[gdy]/g, ''));
  for (let k = 0; k < 64; k++) {
    const v = drawShape(shape);
    if (v === undefined) return false;
    if (!whole.test(v)) return true;
  }
  return false;
}

/**
 * `shape` with a base64 JSON opening kept where the value's run after its literal prefix holds one
 * (a Mapbox token's `pk.` then `eyJ1Ijoi`, `{"u":"`).
 */
function withJsonHead(shape, value) {
  const m = /^((?:[A-Za-z0-9]|\\.)*?\\\.)\[([^\]]+)\]\{(\d+)\}/.exec(shape);
  if (!m) return shape;
  const at = m[1].replace(/\\(.)/g, '$1').length;
  const head = jsonHead(value.slice(at, at + Number(m[3])));
  if (head === 0) return shape;
  return `${m[1]}${escapeRe(value.slice(at, at + head))}[${m[2]}]{${Number(m[3]) - head}}${shape.slice(m[0].length)}`;
}

module.exports.drawShape = drawShape;
module.exports.leavesGroup = leavesGroup;
module.exports.withJsonHead = withJsonHead;

/**
 * The runs of at least four characters that each value shares, at the same offset, with two or more
 * other values of the same length among `values` (one rule's examples): a fixed part of the format the
 * peer's own examples show (Azure DevOps' `JQQJ9` at 52 in three of its four examples). Two examples
 * can share an id by chance (one org's id, one user's); three share the format. Two values that agree
 * on half their characters or more are one example edited, and count for nothing here.
 */
function sharedRuns(values) {
  const distinct = [...new Set(values)];
  const out = new Map();
  for (const v of distinct) {
    const count = new Array(v.length).fill(0);
    for (const w of distinct) {
      if (w === v || w.length !== v.length) continue;
      let same = 0;
      for (let i = 0; i < v.length; i++) if (v[i] === w[i]) same++;
      if (same * 2 >= v.length) continue;
      for (let i = 0; i < v.length; i++) if (v[i] === w[i]) count[i]++;
    }
    const runs = [];
    for (let i = 0; i < v.length;) {
      let j = i;
      while (j < v.length && count[j] >= 2) j++;
      // Split at separators; a piece of digits alone is one account's id (Twitch's user), not the format.
      for (let a = i; a < j;) {
        let b = a;
        while (b < j && !/[-_.:]/.test(v[b])) b++;
        // A counting run the examples share (`abcdef12-…` in three) is the peer's stand-in, not the format.
        if (b - a >= 4 && /[A-Za-z]/.test(v.slice(a, b)) && !counted(v.slice(a, b))) runs.push([a, b]);
        a = b + 1;
      }
      i = Math.max(j, i + 1);
    }
    out.set(v, runs);
  }
  return out;
}

/** `shape` (as `shapeOf` writes it, drawing `value`'s length) with `value`'s characters in `runs` kept. */
function keepRuns(shape, value, runs) {
  if (runs.length === 0) return shape;
  const kept = (i) => runs.some(([s, e]) => i >= s && i < e);
  const re = /\\(.)|\[((?:[^\]\\]|\\.)+)\]\{(\d+)\}|([^\\[])/gy;
  let out = '';
  let at = 0;
  let m;
  while (re.lastIndex < shape.length && (m = re.exec(shape))) {
    if (m[2] === undefined) {
      out += m[0];
      at++;
      continue;
    }
    const end = at + Number(m[3]);
    for (let i = at; i < end;) {
      let j = i;
      const keep = kept(i);
      while (j < end && kept(j) === keep) j++;
      out += keep ? escapeRe(value.slice(i, j)) : `[${m[2]}]{${j - i}}`;
      i = j;
    }
    at = end;
  }
  return at === value.length && re.lastIndex === shape.length ? out : shape;
}

/** Each character of `value` as `shape` draws it (a literal, or a class's source), or undefined. */
function perCharacter(shape, value) {
  const re = /\\(.)|\[((?:[^\]\\]|\\.)+)\]\{(\d+)\}|([^\\[])/gy;
  const out = [];
  let m;
  while (re.lastIndex < shape.length && (m = re.exec(shape))) {
    if (m[2] === undefined) out.push({ lit: m[1] ?? m[4] });
    else for (let k = 0; k < Number(m[3]); k++) out.push({ cls: m[2] });
  }
  return out.length === value.length && re.lastIndex === shape.length ? out : undefined;
}

/**
 * `old` (the shape read from the example) with each piece between separators that counts in one alphabet
 * (`oneAlphabetCount`) drawn as `fromGroup` (the group's format, `groupShape`) draws it; the rest as
 * before. Undefined where the two shapes do not both read `value` character by character.
 */
function countedOverGroup(old, fromGroup, value) {
  const a = perCharacter(old, value);
  const b = perCharacter(fromGroup, value);
  if (a === undefined || b === undefined) return undefined;
  const take = new Array(value.length).fill(false);
  const piece = /[^-_.:/+=]+/g;
  let m;
  while ((m = piece.exec(value))) {
    if (oneAlphabetCount(m[0])) for (let i = m.index; i < m.index + m[0].length; i++) take[i] = true;
  }
  let out = '';
  for (let i = 0; i < value.length;) {
    const c = take[i] ? b[i] : a[i];
    if (c.lit !== undefined) {
      out += escapeRe(c.lit);
      i++;
      continue;
    }
    let j = i;
    while (j < value.length && (take[j] ? b[j] : a[j]).cls === c.cls) j++;
    out += `[${c.cls}]{${j - i}}`;
    i = j;
  }
  return out;
}

module.exports.countedOverGroup = countedOverGroup;
module.exports.sharedRuns = sharedRuns;
module.exports.keepRuns = keepRuns;
