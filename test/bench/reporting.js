// How the benchmarks print their figures: shared by run.js and by the sections that also run alone
// (`node test/bench/lspEdit.js`), so a section reads the same either way.

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const verdict = (ok) => (ok ? 'meets target' : 'BELOW target');

function section(title) {
  console.log(`\n## ${title}`);
}

/** Runs one section's `report` on its own (outside run.js); a throw exits 1. */
function runAlone(report, quick) {
  report({ section, fmt, verdict, quick }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { fmt, verdict, section, runAlone };
