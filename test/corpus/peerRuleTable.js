// Prints the per-rule coverage table of one external source (`node test/corpus/peerRuleTable.js
// noseyparker [LOADS]`, after `npx tsc -p tsconfig.test.json`): for each peer rule with positive cases,
// over LOADS loads (fresh values each), which of our rules find its secrets and what the redact tier
// hides. "covered": a provider rule finds every secret in every load; "generic rule only": every secret
// is found, some only by a `generic-*` rule; "partly": the report tier finds some; "not covered": none.
const path = require('node:path');

const out = path.resolve(__dirname, '..', '..', 'out');
const { loadExternalCorpus } = require(path.join(out, 'test/corpus/external/externalCorpus.js'));
const { leaks } = require(path.join(out, 'test/corpus/external/measure.js'));
const { scan } = require(path.join(out, 'src/core/detect/scanner.js'));
const { redactText } = require(path.join(out, 'src/core/pipeline/redact.js'));
const { RedactionMap } = require(path.join(out, 'src/core/pipeline/redactionMap.js'));

const source = process.argv[2] ?? 'noseyparker';
const loads = Number(process.argv[3] ?? 5);

/** Per peer rule: secrets per load, and per load how many were found, found by a provider rule, hidden. */
const rules = new Map();
for (let load = 0; load < loads; load++) {
  for (const c of loadExternalCorpus().cases) {
    if (c.source !== source || c.label !== 'secret') continue;
    const row = rules.get(c.kind) ?? { secrets: 0, ids: new Set(), found: [], provider: [], hidden: [] };
    rules.set(c.kind, row);
    if (load === 0) row.secrets += c.secrets.length;
    for (const list of [row.found, row.provider, row.hidden]) list[load] ??= 0;
    const findings = scan(c.text);
    const redacted = redactText(c.text, new RedactionMap()).text;
    for (const s of c.secrets) {
      const ids = findings.filter((f) => f.start < s.end && f.end > s.start).map((f) => f.ruleId);
      ids.forEach((id) => row.ids.add(id));
      row.found[load] += ids.length > 0 ? 1 : 0;
      row.provider[load] += ids.some((id) => !id.startsWith('generic-')) ? 1 : 0;
      row.hidden[load] += leaks(s, c.text, redacted, c.secrets) ? 0 : 1;
    }
  }
}

const span = (xs) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? `${lo}` : `${lo}-${hi}`;
};
const rows = [...rules].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
const status = (r) => {
  if (r.provider.every((n) => n === r.secrets)) return 'covered';
  if (r.found.every((n) => n === r.secrets)) return 'generic rule only';
  return r.found.some((n) => n > 0) ? 'partly' : 'not covered';
};
const lines = [['Rule', 'Rule ids', 'Status', 'Note']];
const counts = {};
for (const [kind, r] of rows) {
  const s = status(r);
  counts[s] = (counts[s] ?? 0) + 1;
  const note =
    s === 'covered'
      ? ''
      : `scan finds ${span(r.found)} of ${r.secrets} a load; redact hides ${span(r.hidden)} of ${r.secrets}`;
  const ids =
    [...r.ids]
      .sort()
      .map((id) => `\`${id}\``)
      .join(' ') || '—';
  lines.push([`\`${kind}\``, ids, s, note]);
}
const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
const fmt = (l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(fmt(lines[0]));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
lines.slice(1).forEach((l) => console.log(fmt(l)));
console.error(JSON.stringify(counts));
