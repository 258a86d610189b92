'use strict';
// Extracts detect-secrets' plugin tests (tests/plugins/*_test.py) and llm-guard's Secrets scanner test
// (tests/input_scanners/test_secrets.py) into templates.
// Usage: node python.js detect-secrets <git dir> <out dir> | node python.js llm-guard <git dir> <out dir>.
// Cases are the tests' parametrized tuples: `(payload, True|False)`, detect-secrets' keyword tables
// (`'fmt'.format(CONST), CONST|None`), and llm-guard's `(prompt, expected_prompt, valid, score)`.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { templatizeWithValues, guessSecret, writeSource, tally } = require('./template');
const { samplerReads, conflicting, asStored } = require('./fidelity');
const { commentOf } = require('./caseNames');

const [which, gitDir, outDir] = process.argv.slice(2);
const git = (...args) =>
  execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();

const STR = String.raw`[rbu]?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;
const STRS = `(?:${STR}\\s*)+`;

function pyString(src) {
  let out = '';
  for (const m of src.matchAll(new RegExp(STR, 'g'))) {
    const raw = /^[rbu]?r/.test(m[0]);
    const body = m[0].replace(/^[rbu]+/, '').slice(1, -1);
    out += raw
      ? body
      : body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e) => {
          if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
          return { n: '\n', t: '\t', r: '\r', 0: '\0' }[e] ?? e;
        });
  }
  return out;
}

const counts = { dropped: 0, duplicates: 0 };
const read = [];

/**
 * The regexes a detect-secrets plugin lists in its `denylist`, each one raw-string literal that
 * JavaScript reads the same way (no inline flags or named groups): what the plugin itself matches.
 */
function denylistOf(kind) {
  const file = `detect_secrets/plugins/${kind}.py`;
  if (git('ls-tree', '--name-only', 'HEAD', file).trim() !== file) return [];
  const src = git('show', `HEAD:${file}`);
  const out = [];
  for (const m of src.matchAll(/re\.compile\(\s*r'((?:[^'\\\n]|\\.)*)'\s*,?\s*\)/g)) {
    if (/\(\?[aiLmsux]|\(\?P/.test(m[1])) continue;
    try {
      out.push(new RegExp(m[1], 'g'));
    } catch {
      // Not a regex JavaScript reads.
    }
  }
  return out;
}

/**
 * Where the plugin's own regex finds the secret starting inside the guessed run (`AT` then a Discord
 * token: "the token starts on the third character"), the characters before it are the peer's context,
 * kept as written; the guess keeps its end.
 */
function startAsPeer(text, span, denylist) {
  const [s, e] = span;
  for (const re of denylist) {
    for (const m of text.matchAll(re)) {
      if (m.index > s && m.index < e && m.index + m[0].length <= e) return [m.index, e];
    }
  }
  return span;
}

function add(label, kind, from, text, secretValue, denylist = [], name = undefined) {
  let spans = [];
  if (label === 'secret') {
    if (secretValue !== undefined && text.includes(secretValue)) {
      const at = text.indexOf(secretValue);
      spans = [[at, at + secretValue.length]];
    } else {
      spans = guessSecret(text)?.map((span) => startAsPeer(text, span, denylist));
    }
    if (!spans)
      return (process.env.DEBUG && console.log('drop', JSON.stringify(text).slice(0, 150)), counts.dropped++);
  }
  const { template: t, values } = templatizeWithValues(text, spans);
  if (t === null || (label === 'secret' && !t.includes('⟦!')) || !samplerReads(t)) return counts.dropped++;
  // The tests repeat payloads (one table per plugin option): an identical case is kept once.
  if (read.some((c) => c.text === t && c.label === label)) return counts.duplicates++;
  read.push(
    label === 'negative'
      ? { label, kind, from, case: name, text: t, raw: text, values }
      : { label, kind, from, case: name, text: t },
  );
}

function detectSecrets() {
  const files = git('ls-tree', '-r', '--name-only', 'HEAD', 'tests/plugins/')
    .trim()
    .split('\n')
    .filter((f) => f.endsWith('_test.py') && !f.endsWith('base_test.py'));
  for (const file of files) {
    const src = git('show', `HEAD:${file}`);
    const kind = path.basename(file, '_test.py');
    const denylist = denylistOf(kind);
    const consts = new Map();
    for (const m of src.matchAll(new RegExp(`^([A-Z_]+)\\s*=\\s*(${STRS})$`, 'gm')))
      consts.set(m[1], pyString(m[2]));
    // (payload, True|False)
    for (const m of src.matchAll(
      new RegExp(`\\(\\s*(?:#[^\\n]*\\s*)*(${STRS}),\\s*(True|False)\\s*,?\\s*\\)`, 'g'),
    )) {
      const name = commentOf(src, m.index, m.index + m[0].length);
      add(m[2] === 'True' ? 'secret' : 'negative', kind, file, pyString(m[1]), undefined, denylist, name);
    }
    // ('fmt'.format(CONST), CONST|None)
    const fmt = new RegExp(`\\(\\s*(${STRS})\\.format\\(([A-Z_]+)\\),\\s*([A-Z_]+|None)\\s*\\)`, 'g');
    for (const m of src.matchAll(fmt)) {
      const value = consts.get(m[2]);
      if (value === undefined) continue;
      const [head, ...tail] = pyString(m[1]).split('{}');
      const unbrace = (x) => x.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      const text = unbrace(head) + value + unbrace(tail.join('{}'));
      const label = m[3] === 'None' ? 'negative' : 'secret';
      const name = commentOf(src, m.index, m.index + m[0].length);
      add(label, kind, file, text, label === 'negative' ? undefined : value, [], name);
    }
  }
  return { origin: 'tests/plugins/*_test.py (parametrized payloads and keyword tables)', files };
}

function llmGuard() {
  const file = 'tests/input_scanners/test_secrets.py';
  const src = git('show', `HEAD:${file}`);
  const tuple = new RegExp(`\\(\\s*(${STRS}),(?:\\s*#[^\\n]*)?\\s*(${STRS}),\\s*(True|False),`, 'g');
  for (const m of src.matchAll(tuple)) {
    const name = commentOf(src, m.index, m.index + m[0].length);
    add(m[3] === 'False' ? 'secret' : 'negative', 'secrets', file, pyString(m[1]), undefined, [], name);
  }
  return { origin: `${file} (prompts the Secrets scanner must redact or leave)` };
}

const { origin } = which === 'detect-secrets' ? detectSecrets() : llmGuard();
// Negatives the same peer labels a secret, or holding a value of the same plugin's secret format.
const conflict = conflicting(read);
const cases = read.filter((c) => !conflict(c)).map(asStored);
counts.dropped += read.length - cases.length;
const repo = which === 'detect-secrets' ? 'github.com/Yelp/detect-secrets' : 'github.com/protectai/llm-guard';
writeSource(
  path.join(outDir, `${which.replace('-', '')}.json`),
  {
    source: which,
    origin: `${repo}@${commit.slice(0, 12)}, ${origin}`,
    dropped: counts.dropped,
    duplicates: counts.duplicates,
  },
  cases,
);
console.log(`${which}: ${tally(cases)}, dropped ${counts.dropped}`);
