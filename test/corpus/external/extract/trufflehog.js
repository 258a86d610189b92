'use strict';
// Extracts trufflehog's detector pattern tests (pkg/detectors/**/<name>_test.go: each table entry's
// `input` and `want`) into templates. An entry that wants nothing is a hard negative; otherwise the
// wanted value (or, for a joined `id:secret`, its most random piece) marks the secret in the input.
// Usage: node trufflehog.js <trufflehog git dir> <out dir>. One positive and one negative per detector.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const {
  templatizeWithValues,
  writeChunks,
  entropy,
  keepNames,
  keepLiterals,
  regexLiterals,
} = require('./template');
const { samplerReads, conflicting, asStored } = require('./fidelity');
const { tokenize } = require('./goRead');
const { caseName } = require('./caseNames');

const [gitDir, outDir] = process.argv.slice(2);
const git = (...args) =>
  execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();

class Unsupported extends Error {}

function evaluate(toks, i, consts) {
  let [v, j] = term(toks, i, consts);
  while (toks[j] && toks[j].v === '+') {
    const [w, k] = term(toks, j + 1, consts);
    if (Array.isArray(v) || Array.isArray(w)) throw new Unsupported('+ list');
    v += w;
    j = k;
  }
  return [v, j];
}

function callArgs(toks, i, consts) {
  const out = [];
  let j = i + 1;
  while (toks[j].v !== ')' && toks[j].v !== '}') {
    const [v, k] = evaluate(toks, j, consts);
    out.push(v);
    j = toks[k].v === ',' ? k + 1 : k;
  }
  return [out, j + 1];
}

function term(toks, i, consts) {
  const t = toks[i];
  if (!t) throw new Unsupported('end');
  if (t.t === 'str') return [t.v, i + 1];
  if (t.v === 'nil') return [[], i + 1];
  if (t.v === '[' && toks[i + 1].v === ']' && toks[i + 2].v === 'string' && toks[i + 3].v === '{') {
    return callArgs(toks, i + 3, consts);
  }
  if (t.v === 'fmt.Sprintf' && toks[i + 1].v === '(') {
    const [a, j] = callArgs(toks, i + 1, consts);
    let n = 1;
    const s = a[0].replace(/%[sqv]/g, (f) => {
      const arg = a[n++];
      if (typeof arg !== 'string') throw new Unsupported('arg');
      return f === '%q' ? JSON.stringify(arg) : arg;
    });
    return [s, j];
  }
  if (t.t === 'id' && consts.has(t.v) && !(toks[i + 1] && toks[i + 1].v === '('))
    return [consts.get(t.v), i + 1];
  throw new Unsupported(t.v);
}

/** Top-level `name = "literal"` declarations (in var/const blocks or alone). */
function constsOf(src) {
  const consts = new Map();
  const top = src.split(/\nfunc /)[0];
  const toks = tokenize(top);
  for (let i = 0; i + 2 < toks.length; i++) {
    if (toks[i].t === 'id' && toks[i + 1].v === '=' && toks[i + 2].t === 'str') {
      try {
        consts.set(toks[i].v, evaluate(toks, i + 2, consts)[0]);
      } catch {
        /* not a plain literal */
      }
    }
  }
  return consts;
}

/**
 * The candidates for the secret of a wanted value: the value whole where the input holds it, a joined
 * `id:secret` cut at its separators, and, since trufflehog joins parts with no separator too
 * (`token + endpoint`, `url + sasToken`), the want cut greedily into the longest runs the input holds.
 * A want none of whose separated pieces is in the input yields nothing (the entry is dropped).
 */
function piecesOf(input, w) {
  // Quotes and brackets around a piece are the syntax it was cut from (`"auth":"…"}`), not the value.
  const trim = (p) => p.replace(/^[\s"'`{}[\]():;|,]+|[\s"'`{}[\]():;|,]+$/g, '');
  const usable = (p) => p.length >= 6 && input.includes(p);
  // A run that starts or ends inside a word of the input (`key: …` matched from `cosmosKey: …`) loses
  // that word's piece, up to a blank.
  const settle = (p) => {
    const at = input.indexOf(p);
    let q = p;
    if (at > 0 && /[A-Za-z0-9]/.test(input[at - 1]) && /\s/.test(q)) q = q.slice(q.search(/\s/));
    const end = at + p.length;
    if (end < input.length && /[A-Za-z0-9]/.test(input[end]) && /\s/.test(q))
      q = q.slice(0, q.search(/\s\S*$/));
    return trim(q);
  };
  const split = [w, ...w.split(/[:;|, \n]+/)].filter(usable).map(trim).filter(usable);
  const runs = [];
  for (let i = 0; split.length > 0 && i < w.length;) {
    let n = 0;
    while (i + n < w.length && input.includes(w.slice(i, i + n + 1))) n++;
    const piece = settle(w.slice(i, i + Math.max(n, 1)));
    if (usable(piece)) runs.push(piece);
    i += Math.max(n, 1);
  }
  // A separator inside a run the input holds whole (a SAS token's timestamps) does not cut the value.
  const pieces = [...split.filter((p) => !runs.some((r) => r !== p && r.includes(p))), ...runs];
  return [...new Set(pieces)];
}

// An account's address, not its credential: an e-mail, a URL (one with no password in it), a host name
// or a variable's name. The detector reports them with the key (`key:email`, `token + endpoint`), and
// they are marked only where the want holds nothing else.
const IDENTITY = [
  /^\$/, // a reference to a variable (`$DB_USERNAME`), no value at all
  /^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/,
  /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/(?![^/@\s]*:[^/@\s]*@)/,
  /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?::[0-9]+)?(?:\/\S*)?$/,
];
function isIdentity(p) {
  return IDENTITY.some((re) => re.test(p));
}

/**
 * The [start, end) of the credential in a URL with a password, or in a connection string or a URL's query
 * with two parameters or more (`Endpoint=…;Id=…;Secret=…`, `…?sslmode=…&password=…`, a SAS token's
 * `…&sig=…`): the password, or the longest value of a password, secret, signature, token or key parameter.
 * The endpoint, the names and the options around it are not the secret. Undefined when there is none.
 */
function credentialOf(piece) {
  // A URL's password (`jdbc:mysql://user:password@tcp(host)/db`), not the user, host or path around it.
  const userinfo = /:\/\/[^:/@\s]+:([^@\s/]{3,})@/.exec(piece);
  if (userinfo) {
    const start = userinfo.index + userinfo[0].length - 1 - userinfo[1].length;
    return [start, start + userinfo[1].length];
  }
  const params = [...piece.matchAll(/(?:^|[;&?])([A-Za-z][\w.-]{0,40}=)([^;&?]*)/g)];
  if (params.length < 2) return undefined;
  let best;
  for (const m of params) {
    if (m[2].length < 4 || !/(?:pass(?:word|wd)?|pwd|secret|sig|token|key)=$/i.test(m[1])) continue;
    const start = m.index + m[0].length - m[2].length;
    if (!best || m[2].length > best[1] - best[0]) best = [start, start + m[2].length];
  }
  return best;
}

/** The [start, end) of the most random piece of each wanted value found in the input, a credential first. */
function secretSpans(input, want) {
  const spans = [];
  for (const w of want) {
    const pieces = piecesOf(input, w);
    if (pieces.length === 0) continue;
    const score = (p) => (isIdentity(p) ? 0 : 1e6) + entropy(p) * Math.min(p.length, 64);
    // The whole wanted value when it sits in the input; otherwise its most random piece.
    const best =
      input.includes(w) && w.length <= 200 && !/[:;| ]/.test(w)
        ? w
        : pieces.sort((a, b) => score(b) - score(a))[0];
    const [from, to] = credentialOf(best) ?? [0, best.length];
    const at = input.indexOf(best) + from;
    if (!spans.some(([s, e]) => s < at + to - from && e > at)) spans.push([at, at + to - from]);
  }
  return spans;
}

const allFiles = git('ls-tree', '-r', '--name-only', 'HEAD', 'pkg/detectors/').trim().split('\n');
const files = allFiles.filter((f) => f.endsWith('_test.go') && !f.includes('integration'));

/**
 * The literal runs the detector's own regexes require (the strings given to `regexp.MustCompile` in the
 * detector's non-test Go files, beside its test): the fixed parts of the provider's format.
 */
function detectorLiterals(dir) {
  const out = [];
  for (const f of allFiles) {
    if (path.dirname(f) !== dir || !f.endsWith('.go') || f.endsWith('_test.go')) continue;
    for (const line of git('show', `HEAD:${f}`).split('\n')) {
      if (!line.includes('MustCompile(')) continue;
      for (const m of line.matchAll(/`([^`]*)`/g)) out.push(...regexLiterals(m[1]));
    }
  }
  return out;
}
// Every entry read, in file order: `text` is null when it cannot be re-generated.
const read = [];
const counts = { dropped: 0, unsupported: 0, sampledOut: 0 };
for (const file of files) {
  const kind = path.dirname(file).replace(/^pkg\/detectors\//, '');
  const src = git('show', `HEAD:${file}`);
  if (!/_Pattern\(/.test(src)) continue;
  const consts = constsOf(src);
  const toks = tokenize(src.slice(src.indexOf('_Pattern(')));
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].v !== 'input' || toks[i + 1]?.v !== ':') continue;
    let input;
    let want;
    try {
      let j;
      [input, j] = evaluate(toks, i + 2, consts);
      while (toks[j] && toks[j].v !== 'want' && toks[j].v !== '}') j++;
      if (toks[j]?.v !== 'want') throw new Unsupported('no want');
      [want] = evaluate(toks, j + 2, consts);
      if (typeof input !== 'string' || !Array.isArray(want)) throw new Unsupported('types');
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      counts.unsupported++;
      continue;
    }
    const label = want.length > 0 ? 'secret' : 'negative';
    input = input.replace(/^\n/, '').replace(/^\t+/gm, '  ');
    const spans = label === 'secret' ? secretSpans(input, want) : [];
    // The detector's name in its own test is its keyword (`d7network_secret:`), not a value to re-draw.
    keepNames(kind.split('/'));
    keepLiterals(detectorLiterals(path.dirname(file)));
    const { template, values } =
      label === 'secret' && spans.length === 0
        ? { template: null, values: [] }
        : templatizeWithValues(input, spans);
    const usable =
      template !== null &&
      (label === 'negative' || template.includes('⟦!')) &&
      template.length <= 3000 &&
      samplerReads(template);
    read.push({
      label,
      kind,
      from: path.basename(file),
      case: caseName(toks, i),
      text: usable ? template : null,
      raw: input,
      values,
    });
  }
}

// Negatives the same peer labels a secret, or holding a value of the same detector's secret format
// (judged against every positive entry the detector has, before the sampling below).
const conflict = conflicting(read.filter((c) => c.text !== null));
// At most one positive and one negative per detector: the first entry of each label that is kept; the
// entries before it that are dropped are counted, the ones after it are sampled out.
const cases = [];
const have = new Set();
for (const c of read) {
  const key = `${c.kind}\u0000${c.label}`;
  if (have.has(key)) {
    counts.sampledOut++;
  } else if (c.text === null || conflict(c)) {
    counts.dropped++;
  } else {
    cases.push(asStored(c));
    have.add(key);
  }
}

const header = {
  source: 'trufflehog',
  origin: `github.com/trufflesecurity/trufflehog@${commit.slice(0, 12)}, pkg/detectors/**/*_test.go (pattern tests: input, want)`,
  note: 'at most one positive and one negative entry per detector; an entry that wants nothing is a hard negative',
  dropped: counts.dropped,
  unsupported: counts.unsupported,
  sampledOut: counts.sampledOut,
};
writeChunks(outDir, 'trufflehog', header, cases);
