'use strict';
// The drop rules of README.md ("What is dropped") that look across a peer's cases, applied by every
// extractor so that what a jsonl file holds is what the corpus measures: the loader drops nothing.
// Run by the extractors only (node, offline); the same inputs always give the same files.

/**
 * Whether the corpus sampler (generate.ts) reads every `⟦re:…⟧` marker of `template`: it takes literals,
 * escapes, groups, alternatives, bounded repeats and classes, but no negated class and no `.` outside a
 * class. A case it could not read would fail at load, so the extractor drops (and counts) it here.
 */
function samplerReads(template) {
  for (const m of template.matchAll(/⟦!?re:([^⟧]+)⟧/g)) {
    const re = m[1];
    for (let i = 0; i < re.length; i++) {
      const c = re[i];
      if (c === '\\') {
        if (i + 1 >= re.length) return false;
        i++;
      } else if (c === '.') {
        return false;
      } else if (c === '[') {
        if (re[i + 1] === '^') return false;
        let end = i + 1;
        while (end < re.length && re[end] !== ']') end += re[end] === '\\' ? 2 : 1;
        if (end >= re.length) return false;
        i = end;
      }
    }
  }
  return true;
}

/** The formats of a positive's secrets: each `⟦!re:…⟧` as a regex bounded by non-alphanumerics. */
function secretFormats(template) {
  const out = [];
  for (const m of template.matchAll(/⟦!re:([^⟧]+)⟧/g)) {
    const body = m[1].replace(/^\(\?i\)/, '');
    try {
      out.push(
        new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, m[1].startsWith('(?i)') ? 'gi' : 'g'),
      );
    } catch {
      // A format JavaScript cannot compile is not used to judge negatives.
    }
  }
  return out;
}

/** Whether `re` matches the peer's text where the match covers part of a re-generated value. */
function overlapsValue(re, raw, spans) {
  if (raw === undefined || !spans || spans.length === 0) return false;
  for (const m of raw.matchAll(re)) {
    const end = m.index + m[0].length;
    if (spans.some(([s, e]) => s < end && e > m.index)) return true;
  }
  return false;
}

/**
 * Splits one peer's negatives into kept and dropped by the conflict rules:
 * - the same peer labels the negative's template a secret elsewhere (any rule of that peer);
 * - the format of a positive of the same peer rule matches the peer's text over a value the template
 *   re-generates (a literal the template keeps, a placeholder or a word, does not count), or the
 *   template re-generates a value from exactly that format: negative only by its exact value or by how
 *   far a keyword sits, and re-generated it is a well-formed secret.
 * `cases` are every case the extractor read for that peer, before any sampling: `{label, kind, text}`,
 * and on negatives `raw` (the peer's text) and `values` ([start, end) of the re-generated values in it).
 * Judged on the peer's text and the formats, so the result is the same on every run.
 */
function conflicting(cases) {
  const secretTemplates = new Set(
    cases.filter((c) => c.label === 'secret').map((c) => c.text.replace(/⟦!/g, '⟦')),
  );
  const formats = new Map();
  const bodies = new Set();
  for (const c of cases.filter((x) => x.label === 'secret')) {
    formats.set(c.kind, [...(formats.get(c.kind) ?? []), ...secretFormats(c.text)]);
    for (const m of c.text.matchAll(/⟦!re:([^⟧]+)⟧/g)) bodies.add(`${c.kind}\u0000${m[1]}`);
  }
  return (c) =>
    c.label === 'negative' &&
    (secretTemplates.has(c.text) ||
      (formats.get(c.kind) ?? []).some((re) => overlapsValue(re, c.raw, c.values)) ||
      [...c.text.matchAll(/⟦!?re:([^⟧]+)⟧/g)].some((m) => bodies.has(`${c.kind}\u0000${m[1]}`)));
}

/** A negative's stored case: no marker in it is a secret (a private-key PEM block is one by default). */
function asStored({ values, raw, ...c }) {
  return c.label === 'negative' ? { ...c, text: c.text.replace(/⟦!/g, '⟦') } : c;
}

module.exports = { samplerReads, conflicting, asStored };
