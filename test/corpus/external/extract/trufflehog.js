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

const CONNECTION_STRING = /^[A-Za-z][\w ]{0,30}=[^;=\s]+(?:;[A-Za-z][\w ]{0,30}=[^;\s]+)+;?$/;

/** The [start, end) of the most random piece of each wanted value found in the input. */
function secretSpans(input, want) {
  const spans = [];
  for (const w of want) {
    // A connection string (`Endpoint=…;Id=…;Secret=…`): its values are the pieces, the names are syntax.
    const pairs = CONNECTION_STRING.test(w) ? w.split(';').map((p) => p.slice(p.indexOf('=') + 1)) : [];
    const pieces = (pairs.length > 0 ? pairs : [w, ...w.split(/[:;|, \n]+/)]).filter(
      (p) => p.length >= 6 && input.includes(p),
    );
    if (pieces.length === 0) continue;
    // The whole wanted value when it sits in the input; otherwise its most random piece.
    const best =
      input.includes(w) && w.length <= 200 && !/[:;| ]/.test(w)
        ? w
        : pieces.sort((a, b) => entropy(b) * Math.min(b.length, 64) - entropy(a) * Math.min(a.length, 64))[0];
    const at = input.indexOf(best);
    if (!spans.some(([s, e]) => s < at + best.length && e > at)) spans.push([at, at + best.length]);
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
    read.push({ label, kind, from: path.basename(file), text: usable ? template : null, raw: input, values });
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
