'use strict';
// Extracts gitleaks' per-rule true and false positives (cmd/generate/config/rules/*.go) into templates.
// Usage: node gitleaks.js <gitleaks git dir> <out dir>. It reads the Go source with a small expression
// reader: string literals, `+`, `[]string{…}`, `append(…)`, and the sample helpers gitleaks uses.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { templatizeWithValues, guessSecret, writeChunks, keepLiterals, regexLiterals } = require('./template');
const { samplerReads, conflicting, asStored } = require('./fidelity');
const { goString, tokenize } = require('./goRead');

const [gitDir, outDir] = process.argv.slice(2);
const git = (...args) =>
  execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();

// The context templates of utils.GenerateSampleSecrets, read from gitleaks' own source.
const generateGo = git('show', 'HEAD:cmd/generate/config/utils/generate.go');
const sampleTemplates = [];
for (const m of generateGo.matchAll(/^\s*"([^"]+)":\s*("(?:[^"\\]|\\.)*"|`[^`]*`),\s*$/gm)) {
  sampleTemplates.push({ name: m[1], template: goString(m[2]) });
}

class Unsupported extends Error {}

/** Reads one expression at toks[i]; returns [value, next index]. Values: {parts}, {list}, {re}. */
function expr(toks, i) {
  let [v, j] = term(toks, i);
  while (toks[j] && toks[j].v === '+') {
    const [w, k] = term(toks, j + 1);
    v = concat(v, w);
    j = k;
  }
  if (toks[j] && toks[j].v === '...') j++;
  return [v, j];
}

function concat(a, b) {
  if (a.list || b.list) throw new Unsupported('list concat');
  return { parts: [...a.parts, ...b.parts] };
}

function args(toks, i) {
  const out = [];
  let j = i + 1; // after '('
  while (toks[j].v !== ')') {
    const [v, k] = expr(toks, j);
    out.push(v);
    j = toks[k].v === ',' ? k + 1 : k;
  }
  return [out, j + 1];
}

let turn = 0;
let sampledOut = 0; // GenerateSampleSecrets contexts not kept (three kept per call)
const lit = (s) => ({ parts: [{ lit: s }] });
const plain = (v) => {
  if (!v.parts || v.parts.some((p) => p.lit === undefined)) throw new Unsupported('not a literal');
  return v.parts.map((p) => p.lit).join('');
};
const SIZES = {
  'utils.Numeric': '[0-9]',
  'utils.Hex': '[a-f0-9]',
  'utils.AlphaNumeric': '[a-z0-9]',
  'utils.AlphaNumericExtendedShort': '[a-z0-9_-]',
  'utils.AlphaNumericExtended': '[a-z0-9=_\\-]',
  'utils.AlphaNumericExtendedLong': '[a-z0-9\\/=_\\+\\-]',
};

function term(toks, i) {
  const t = toks[i];
  if (t.t === 'str') return [lit(t.v), i + 1];
  if (t.v === '[' && toks[i + 1].v === ']' && toks[i + 2].v === 'string' && toks[i + 3].v === '{') {
    const list = [];
    let j = i + 4;
    while (toks[j].v !== '}') {
      const [v, k] = expr(toks, j);
      list.push(...(v.list ?? [v]));
      j = toks[k].v === ',' ? k + 1 : k;
    }
    return [{ list }, j + 1];
  }
  if (t.t === 'id' && toks[i + 1] && toks[i + 1].v === '(') {
    const [a, j] = args(toks, i + 1);
    if (SIZES[t.v]) return [lit(`${SIZES[t.v]}{${plain(a[0])}}`), j];
    if (t.v === 'utils.Hex8_4_4_4_12')
      return [lit('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), j];
    if (t.v === 'secrets.NewSecret') return [{ parts: [{ re: plain(a[0]) }] }, j];
    if (t.v === 'append') return [{ list: a.slice(1).flatMap((v) => v.list ?? [v]) }, j];
    if (t.v === 'utils.GenerateSampleSecret') {
      const id = plain(a[0]);
      return [
        { list: [{ parts: [{ lit: `${id}_api_token = "` }, { secret: a[1].parts }, { lit: '"' }] }] },
        j,
      ];
    }
    if (t.v === 'utils.GenerateSampleSecrets') {
      const id = plain(a[0]);
      // One case per context template would be ~30 per call; three, rotating through the templates,
      // keep the set from being dominated by one syntax or one rule.
      const n = sampleTemplates.length;
      const keep = [turn % n, (turn + 11) % n, (turn + 23) % n];
      turn++;
      sampledOut += n - keep.length;
      return [{ list: keep.map((k) => samplesOf(sampleTemplates[k].template, id, a[1].parts)) }, j];
    }
    throw new Unsupported(t.v);
  }
  throw new Unsupported(t.v);
}

function samplesOf(template, id, secretParts) {
  const parts = [];
  // The template's text and the identifier are gitleaks' own writing around the value: kept as written.
  for (const piece of template.split(/(\{[iIs]\})/)) {
    if (piece === '{i}') parts.push({ lit: id, written: true });
    else if (piece === '{I}') parts.push({ lit: id.toUpperCase(), written: true });
    else if (piece === '{s}') parts.push({ secret: secretParts });
    else if (piece) parts.push({ lit: piece, written: true });
  }
  return { parts };
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A case's parts as [text, secret spans]; regex parts become sampled markers right away. */
function render(parts) {
  let text = '';
  const spans = [];
  const markers = [];
  const written = [];
  for (const p of parts) {
    if (p.lit !== undefined) {
      if (p.written) written.push([text.length, text.length + p.lit.length]);
      text += p.lit;
    } else if (p.re !== undefined)
      (markers.push([text.length, `⟦re:${p.re}⟧`]), (text += `\u0000${markers.length - 1}\u0000`));
    else {
      // A secret built from literals and regexes: one regex re-generates all of it.
      if (p.secret.every((q) => q.lit !== undefined)) {
        const s = text.length;
        text += p.secret.map((q) => q.lit).join('');
        spans.push([s, text.length]);
      } else {
        const re = p.secret.map((q) => (q.lit !== undefined ? escapeRe(q.lit) : q.re)).join('');
        markers.push([text.length, `⟦!re:${re}⟧`]);
        text += `\u0000${markers.length - 1}\u0000`;
      }
    }
  }
  return { text, spans, markers, written };
}

function caseOf(value, label, kind, from, counts) {
  const { text, spans, markers, written } = render(value.parts);
  let secrets = spans;
  if (label === 'secret' && spans.length === 0 && markers.every((m) => !m[1].startsWith('⟦!'))) {
    secrets = guessSecret(text.replace(/\u0000\d+\u0000/g, ' '));
    if (!secrets) return (counts.dropped++, null);
  }
  if (label === 'negative') secrets = [];
  let { template: t, values } = templatizeWithValues(text, secrets, written);
  if (t === null) return (counts.dropped++, null);
  t = t.replace(/\u0000(\d+)\u0000/g, (_, n) => markers[Number(n)][1]);
  if (label === 'secret' && !t.includes('⟦!')) return (counts.dropped++, null);
  if (!samplerReads(t)) return (counts.dropped++, null);
  if (label === 'secret') return { label, kind, from, text: t };
  // A negative's parts gitleaks samples from a regex have no literal: fidelity.js compares their regex.
  return { label, kind, from, text: t, raw: text, values };
}

/**
 * The literal runs of the rule's own regex (the string literals of its `Regex:` field, `v1\.0-` and
 * `sgp_`): where a sample starts or ends with one, that part is the format, kept as written.
 */
function ruleLiterals(toks) {
  const out = [];
  const at = toks.findIndex((t, i) => t.v === 'Regex' && toks[i + 1]?.v === ':');
  if (at < 0) return out;
  let depth = 0;
  for (let i = at + 2; i < toks.length; i++) {
    const v = toks[i].v;
    if (toks[i].t === 'str') out.push(...regexLiterals(v));
    else if (v === '(' || v === '{' || v === '[') depth++;
    else if (v === ')' || v === '}' || v === ']') depth--;
    if (depth < 0 || (depth === 0 && v === ',')) break;
  }
  return out;
}

/**
 * The fps entries gitleaks itself marks `// False Negative`: a secret its rule fails to match (mailchimp.go's
 * `MailchimpSDK.initialize(token: …)`), kept in fps so its test passes. They are not hard negatives.
 */
function peerFalseNegatives(src) {
  const out = new Set();
  const re = /\/\/[ \t]*False Negative[^\n]*\n[ \t]*(`[^`]*`|"(?:[^"\\\n]|\\.)*")/gi;
  for (const m of src.matchAll(re)) out.add(m[1].startsWith('`') ? m[1].slice(1, -1) : JSON.parse(m[1]));
  return out;
}

const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'cmd/generate/config/rules/').trim().split('\n');
const read = [];
const counts = { dropped: 0, unsupported: 0 };
for (const file of files.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))) {
  const src = git('show', `HEAD:${file}`);
  for (const fn of src.split(/\nfunc /).slice(1)) {
    const id = /RuleID:\s*"([^"]+)"/.exec(fn)?.[1];
    if (!id) continue;
    const toks = tokenize(fn);
    keepLiterals(ruleLiterals(toks));
    const missed = peerFalseNegatives(fn);
    for (let i = 0; i < toks.length; i++) {
      const isTps = toks[i].v === 'tps' || toks[i].v === 'fps';
      if (!isTps || !toks[i + 1] || !(toks[i + 1].v === ':' || toks[i + 1].v === '=')) continue;
      const label = toks[i].v === 'tps' ? 'secret' : 'negative';
      const start = toks[i + 1].v === ':' ? i + 3 : i + 2;
      let value;
      try {
        value = expr(toks, start)[0];
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        counts.unsupported++;
        continue;
      }
      const list = value.list ?? [value];
      for (const v of list) {
        if (label === 'negative' && missed.has(render(v.parts).text)) {
          counts.dropped++; // gitleaks' own note calls it a secret the rule misses: no negative.
          continue;
        }
        const c = caseOf(v, label, id, path.basename(file), counts);
        if (c) read.push(c);
      }
    }
  }
}

// Negatives the same peer labels a secret, or holding a value of the same rule's secret format.
const conflict = conflicting(read);
const cases = read.filter((c) => !conflict(c)).map(asStored);
counts.dropped += read.length - cases.length;

const header = {
  source: 'gitleaks',
  origin: `github.com/gitleaks/gitleaks@${commit.slice(0, 12)}, cmd/generate/config/rules/*.go (each rule's tps and fps)`,
  note: 'tps built by utils.GenerateSampleSecrets keep 3 of its context templates per rule (cmd/generate/config/utils/generate.go)',
  dropped: counts.dropped,
  unsupported: counts.unsupported,
  sampledOut,
};
writeChunks(outDir, 'gitleaks', header, cases);
