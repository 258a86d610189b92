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
      out.push(new RegExp(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`, m[1].startsWith('(?i)') ? 'i' : ''));
    } catch {
      // A format JavaScript cannot compile is not used to judge negatives.
    }
  }
  return out;
}

/**
 * Splits one peer's negatives into kept and dropped by the two conflict rules:
 * - the same peer labels the negative's template a secret elsewhere (any rule of that peer);
 * - a value the negative holds (the peer's literal of a token the template re-generates) matches the
 *   format of a positive of the same peer rule: negative only by its exact value or by how far a keyword
 *   sits, and re-generated it is a well-formed secret of that format.
 * `cases` are every case the extractor read for that peer, before any sampling: `{label, kind, text,
 * values, regexes}` (`values` and `regexes` only on negatives; `regexes` are the formats of values the peer
 * samples from a regex itself, equal to a positive's format when they conflict). Judged on the peer's
 * literals and formats, so the result is the same on every run.
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
      (formats.get(c.kind) ?? []).some((re) => (c.values ?? []).some((v) => re.test(v))) ||
      (c.regexes ?? []).some((r) => bodies.has(`${c.kind}\u0000${r}`)));
}

/** A negative's stored case: no marker in it is a secret (a private-key PEM block is one by default). */
function asStored({ values, regexes, ...c }) {
  return c.label === 'negative' ? { ...c, text: c.text.replace(/⟦!/g, '⟦') } : c;
}

module.exports = { samplerReads, conflicting, asStored };
