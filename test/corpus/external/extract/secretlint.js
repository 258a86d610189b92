'use strict';
// Extracts secretlint's recommended-preset snapshots (packages/@secretlint/secretlint-rule-preset-recommend/
// test/snapshots/<rule>/<case>/input.*, output.json) into templates. The preset runs every recommended
// rule on each input, so a snapshot with no message is a negative for all of them; each message's range
// marks a secret (narrowed to the password of a URL's userinfo).
// Usage: node secretlint.js <secretlint git dir> <out dir>.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const {
  templatizeWithValues,
  guessSecret,
  writeSource,
  tally,
  keepLiterals,
  regexLiterals,
} = require('./template');
const { samplerReads, conflicting, asStored } = require('./fidelity');

const [gitDir, outDir] = process.argv.slice(2);
const git = (...args) =>
  execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const commit = git('rev-parse', 'HEAD').trim();
const ROOT = 'packages/@secretlint/secretlint-rule-preset-recommend/test/snapshots/';
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?-----END \1-{4,5}/;

const files = git('ls-tree', '-r', '--name-only', 'HEAD', ROOT).trim().split('\n');

/**
 * The literal runs of the rule's own regexes (the `/…/` literals of `secretlint-rule-<rule>/src/*.ts`):
 * where a value starts or ends with one (Vault's `hvb.`), that part is the format, kept as written.
 */
const literalsOf = new Map();
function ruleLiterals(rule) {
  if (!literalsOf.has(rule)) {
    const src = `packages/@secretlint/secretlint-rule-${rule}/src/`;
    const out = [];
    for (const f of git('ls-tree', '-r', '--name-only', 'HEAD', src).trim().split('\n')) {
      if (!/\.ts$/.test(f) || /\.test\.ts$/.test(f)) continue;
      for (const m of git('show', `HEAD:${f}`).matchAll(/(?<=[=(,:]\s*)\/((?:[^/\\\n]|\\.)+)\/[dgimsuy]*/g)) {
        out.push(...regexLiterals(m[1]));
      }
    }
    literalsOf.set(rule, out);
  }
  return literalsOf.get(rule);
}
const read = [];
let dropped = 0;
let unsupported = 0; // snapshots whose input is binary (PKCS#12 files)
for (const output of files.filter((f) => f.endsWith('/output.json'))) {
  const dir = path.dirname(output);
  // The input is `input[.ext]`, or for the npm rule the file npm reads (`.npmrc`, `package.json`).
  const input = files.find(
    (f) =>
      path.dirname(f) === dir &&
      /\/(?:input(?:\.(?:txt|json|md|yml|env))?|\.npmrc|package(?:-lock)?\.json)$/.test(f),
  );
  if (!input) {
    unsupported++;
    continue;
  }
  const result = JSON.parse(git('show', `HEAD:${output}`));
  const text = result.sourceContent ?? git('show', `HEAD:${input}`);
  if (text.includes('\u0000') || text.length > 4000) {
    dropped++;
    continue;
  }
  const spans = [];
  for (const m of result.messages ?? []) {
    if (!m.range) continue;
    let [s, e] = m.range;
    const hit = text.slice(s, e);
    const userinfo = /:\/\/[^:/@\s]*:([^@\s]+)@/.exec(hit);
    if (userinfo && userinfo[1] === 'x-oauth-basic') {
      // GitHub's documented password for a token sent as the user name: the user is the secret.
      const user = /:\/\/([^:/@\s]+):x-oauth-basic@/.exec(hit);
      if (!user) continue;
      s += user.index + 3;
      e = s + user[1].length;
    } else if (userinfo) {
      s += userinfo.index + userinfo[0].length - 1 - userinfo[1].length;
      e = s + userinfo[1].length;
    } else if (PEM_BLOCK.test(hit) && PEM_BLOCK.exec(hit)[0].length < hit.length) {
      // A finding over a whole file (GCP's service-account JSON) whose secret is the private-key block in it.
      const block = PEM_BLOCK.exec(hit);
      s += block.index;
      e = s + block[0].length;
    } else if (/[\s=:"']/.test(hit.trim()) && !hit.includes('-----BEGIN')) {
      const guess = guessSecret(hit);
      if (!guess || guess.length === 0) continue;
      [s, e] = [s + guess[0][0], s + guess[0][1]];
    }
    if (!spans.some(([a, b]) => a === s && b === e)) spans.push([s, e]);
  }
  const label = (result.messages ?? []).length > 0 ? 'secret' : 'negative';
  const rule = dir
    .slice(ROOT.length)
    .split('/')[0]
    .replace(/^secretlint-rule-/, '');
  keepLiterals(ruleLiterals(rule));
  const { template: t, values } = templatizeWithValues(text, spans);
  if (t === null || (label === 'secret' && !t.includes('⟦!')) || !samplerReads(t)) {
    dropped++;
    continue;
  }
  // A negative only because the snapshot's config allows its exact value (`options.allows`): once that
  // value is re-generated it is no longer the allowed one, and the case is a well-formed secret. Values
  // kept as the peer wrote them (`tskey-api-AAAA…`) stay negatives.
  const rc = `${dir}/.secretlintrc.json`;
  if (
    label === 'negative' &&
    t.includes('⟦') &&
    files.includes(rc) &&
    /"allows"/.test(git('show', `HEAD:${rc}`))
  ) {
    dropped++;
    continue;
  }
  // The snapshot's directory name is the peer's name for the case (`ok.false-positives-prevented`).
  const c = { label, kind: rule, from: dir.slice(ROOT.length), case: path.basename(dir), text: t };
  read.push(label === 'negative' ? { ...c, raw: text, values } : c);
}
// Negatives the same peer labels a secret, or holding a value of the same rule's secret format.
const conflict = conflicting(read);
const cases = read.filter((c) => !conflict(c)).map(asStored);
dropped += read.length - cases.length;
writeSource(
  path.join(outDir, 'secretlint.json'),
  {
    source: 'secretlint',
    origin: `github.com/secretlint/secretlint@${commit.slice(0, 12)}, ${ROOT}<rule>/<case>/ (input and output.json)`,
    dropped,
    unsupported,
  },
  cases,
);
console.log(`secretlint: ${tally(cases)}, dropped ${dropped}, unsupported ${unsupported}`);
