// The redact tier on hostile floods: each unit repeated on one line (what a minified file, a one-line dump
// or a crafted selection holds), redacted at 64 KB and at 256 KB. Linear time keeps the larger's per-byte
// cost near the smaller's; a detector that reads each name's line back to its start, or each value a
// kilobyte on, shows here first (2026-12-07: 200 KB of `the key ` took 1 s, 1 MB 19 s). Figures only:
// nothing fails on a timing. Needs the compiled tests (`npm run compile-tests`): it loads out/.
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const load = (p) => require(path.join(ROOT, 'out', p));

/**
 * Units that make the redact tier's detectors work hardest per byte: credential names with and without a
 * value, a name glued into one long token, sections, maps, calls, prose. Each is a case of the hostile unit
 * tests too (`src/core/detect/recall/hostile.unit.test.ts`), where the answer is checked.
 */
const UNITS = [
  'password=',
  'password:',
  'password="',
  'key token secret ',
  '"password=%s" % "',
  '{Password:x ',
  '--password ',
  'INFO password=(password: ',
  '<key>password</key>\n',
  'Key=a1B2c3D4e5F6g7H8 ',
  'token=&',
  'https://a:a@',
  'a: {password: b, ',
  'the key ',
  'key: ',
  'creds ',
  'the token is ',
  'password ',
  'set the password to with password user a pass using the key ',
  // Names and tables past ASCII (foreignNames.ts, tableColumns.ts, statedPasswords.ts).
  '\u043f\u0430\u0440\u043e\u043b\u044c: ',
  '\u5bc6\u7801\uff1a',
  '| \u041f\u0430\u0440\u043e\u043b\u044c ',
  'contrase\u00f1a_bd=\u00e9',
];

function fill(unit, bytes) {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/**
 * Per unit: milliseconds per KB at 64 KB and at 256 KB (the fastest of `runs`, after one warm-up), and the
 * ratio of the two; with the same for 256 KB of ordinary code as the reference. The fastest, not the median:
 * the work is the same each run, and what slows one (a collection, the machine's other load) is not the
 * detectors'. With the median of three the ratio swung from 0.7x to 1.9x for the same flood between runs
 * minutes apart; the fastest of five moved by a few percent.
 */
function benchRedactFloods(runs = 5, units = UNITS) {
  const { redactText } = load('src/core/pipeline/redact.js');
  const { RedactionMap } = load('src/core/pipeline/redactionMap.js');
  const perKb = (text) => {
    const ms = [];
    for (let r = 0; r <= runs; r++) {
      const t0 = performance.now();
      redactText(text, new RedactionMap());
      if (r > 0) {
        ms.push(performance.now() - t0);
      }
    }
    return Math.min(...ms) / (text.length / 1024);
  };
  const code = fill(
    'const total = items.reduce((sum, item) => sum + item.price * item.count, 0);\n',
    256 * 1024,
  );
  const reference = perKb(code);
  const rows = units.map((unit) => {
    const small = perKb(fill(unit, 64 * 1024));
    const large = perKb(fill(unit, 256 * 1024));
    return { unit, small, large, growth: large / small, againstCode: large / reference };
  });
  return { reference, rows };
}

async function report({ section, fmt, verdict, quick }) {
  section('Redact tier on hostile floods (one line of a unit, 64 KB and 256 KB)');
  const { reference, rows } = benchRedactFloods(quick ? 1 : 5);
  console.log(`ordinary code, 256 KB: ${fmt(reference * 1000, 0)} µs per KB`);
  for (const r of [...rows].sort((a, b) => b.large - a.large)) {
    console.log(
      `  ${JSON.stringify(r.unit).padEnd(66)} ${fmt(r.small * 1000, 0)} -> ${fmt(r.large * 1000, 0)} µs per KB ` +
        `(${fmt(r.growth, 2)}x; ${fmt(r.againstCode, 0)}x ordinary code)`,
    );
  }
  const worst = rows.reduce((a, b) => (b.growth > a.growth ? b : a));
  console.log(
    `target linear time, per byte at 256 KB <= 1.5x at 64 KB: worst ${fmt(worst.growth, 2)}x ` +
      `(${JSON.stringify(worst.unit)}) -> ${verdict(worst.growth <= 1.5)}`,
  );
  const heaviest = rows.reduce((a, b) => (b.large > a.large ? b : a));
  console.log(
    `heaviest flood: ${fmt(heaviest.large, 2)} ms per KB (${JSON.stringify(heaviest.unit)}), ` +
      `${fmt(heaviest.againstCode, 0)}x ordinary code; no target: a 1 MB selection of it waits ` +
      `${fmt(heaviest.large * 1024, 0)} ms`,
  );
}

module.exports = { report, benchRedactFloods, UNITS };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
