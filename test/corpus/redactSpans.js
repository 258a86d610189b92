#!/usr/bin/env node
'use strict';
// Counts what redact-tier detectors hide in real files others wrote: `npm run corpus:spans -- DIR…`
// (the tests compile first; this reads the compiled modules under out/). Text files of 1 MB or less are
// read, binaries skipped. `--detector NAME` (repeatable) picks exported detectors of src/core/detect/recall/
// (default: the two of prefixedTokens.ts); `--show N` prints N of the hidden spans with their line, for
// review: those lines are the files' own text, so only ask for them on trees you may print.
const fs = require('node:fs');
const path = require('node:path');

const recall = path.resolve(__dirname, '..', '..', 'out', 'src', 'core', 'detect', 'recall');
const args = process.argv.slice(2);
const names = [];
const dirs = [];
let show = 0;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--detector') names.push(args[++i]);
  else if (args[i] === '--show') show = Number(args[++i]);
  else dirs.push(args[i]);
}
if (dirs.length === 0) {
  console.error('usage: redactSpans.js [--detector NAME]… [--show N] DIR…');
  process.exit(2);
}
const detectors = {};
for (const file of fs.readdirSync(recall).filter((f) => f.endsWith('.js') && !f.includes('.test.'))) {
  for (const [name, value] of Object.entries(require(path.join(recall, file)))) {
    if (/^find[A-Z]/.test(name) && typeof value === 'function') detectors[name] = value;
  }
}
const chosen = names.length > 0 ? names : ['findPrefixedTokens', 'findValuesAfterCredentialWords'];
for (const name of chosen) {
  if (!detectors[name]) {
    console.error(`no detector ${name} (known: ${Object.keys(detectors).sort().join(', ')})`);
    process.exit(2);
  }
}

const tally = Object.fromEntries(chosen.map((n) => [n, { spans: 0, files: 0, samples: [] }]));
let files = 0;
let bytes = 0;
function walk(dir, depth) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < 16) walk(p, depth + 1);
      continue;
    }
    if (!e.isFile()) continue;
    let text;
    try {
      if (fs.statSync(p).size > 1 << 20) continue;
      text = fs.readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    if (text.includes('\u0000')) continue;
    files++;
    bytes += text.length;
    for (const name of chosen) {
      const out = [];
      detectors[name](text, out);
      if (out.length === 0) continue;
      const t = tally[name];
      t.spans += out.length;
      t.files++;
      for (const s of out) {
        if (t.samples.length >= show) break;
        const from = text.lastIndexOf('\n', s.start) + 1;
        const to = text.indexOf('\n', s.end);
        t.samples.push(
          `${p}: ${text
            .slice(from, to === -1 ? text.length : to)
            .trim()
            .slice(0, 160)}`,
        );
      }
    }
  }
}
for (const dir of dirs) walk(dir, 0);
console.log(`${files} text files, ${(bytes / 1e6).toFixed(1)} MB`);
for (const name of chosen) {
  const t = tally[name];
  console.log(`${name}: ${t.spans} spans in ${t.files} files`);
  for (const s of t.samples) console.log(`  ${s}`);
}
