#!/usr/bin/env node
'use strict';
// Prints the external corpus figures (per source: scan recall and false positives, redaction leaks,
// over-redaction, secrets found but not redacted) beside issue 9's targets. Run `npm run corpus`, which
// compiles the tests first; this reads the compiled modules under out/.
const path = require('node:path');

const out = path.resolve(__dirname, '..', '..', 'out', 'test', 'corpus', 'external');
const { loadExternalCorpus } = require(path.join(out, 'externalCorpus.js'));
const { combine, formatTable, measure, reportOnlyRedaction } = require(path.join(out, 'measure.js'));

const corpus = loadExternalCorpus();
const rows = measure(corpus.cases, corpus.dropped);
// The six sources measured before Kingfisher joined (2026-12-05 evening), for figures comparable with earlier
// notes and the README's; the 'all' row holds all seven.
const six = {
  ...combine(rows.filter((r) => r.source !== 'all' && r.source !== 'kingfisher')),
  source: 'first six',
};
console.log(formatTable([...rows.slice(0, -1), six, rows[rows.length - 1]]));
// What the report tier alone would send: the redact tier's reach is what keeps the leaks down.
const alone = reportOnlyRedaction(corpus.cases);
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
console.log(
  `\nredacting only what scan finds: leak ${alone.leaked} of ${alone.secrets} (${pct(alone.leaked, alone.secrets)}), ` +
    `changes ${alone.changed} of ${alone.negatives} negatives (${pct(alone.changed, alone.negatives)})`,
);
for (const [source, origins] of corpus.origins) {
  for (const origin of origins) console.log(`from ${source}: ${origin}`);
}
const verbose = process.argv.includes('--verbose');
for (const row of rows.slice(0, -1)) {
  if (!verbose) break;
  for (const m of row.missed) console.log(`  missed by scan: ${m}`);
  for (const l of row.leaks) console.log(`  leaked by redact: ${l}`);
  for (const f of row.falsePositives) console.log(`  scan false positive: ${f}`);
  // Values in the corpus are fakes generated on load: the diff shows them so a reader can judge each case.
  for (const l of row.leakDiffs) console.log(`  leak: ${l}`);
  for (const o of row.overRedactionDiffs) console.log(`  over-redacted: ${o}`);
}
