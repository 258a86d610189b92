'use strict';
// Extracts a peer's YAML rules in Nosey Parker's form (`rules:` of `id`, `pattern`, `examples`,
// `negative_examples`; Nosey Parker's own and Kingfisher's, which began as a copy of them) into templates:
// each rule's `examples` are positives, its `negative_examples` hard negatives. The secret of a positive is
// where the rule's own pattern puts it (its capture group, read by `rustRegex.js`). Run by
// `noseyparker.js` and `kingfisher.js`, which say where each peer keeps its rules.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
// The rule files are YAML; js-yaml is in the dev tree already (mocha and eslint read their configs with it).
const yaml = require('js-yaml');
const {
  templatizeWithValues,
  writeSource,
  tally,
  keepLiterals,
  keepNames,
  regexLiterals,
  placeholderCredential,
} = require('./template');
const { samplerReads, conflicting, asStored } = require('./fidelity');
const { shapeOf } = require('./shape');
const { translate } = require('./rustRegex');
const {
  groupSource,
  groupShape,
  leavesGroup,
  withJsonHead,
  sharedRuns,
  keepRuns,
  oneAlphabetCount,
  countedOverGroup,
} = require('./npFormat');

/** Whether a piece of `value` between separators counts in one alphabet (`npFormat.oneAlphabetCount`). */
const countsAnywhere = (value) => value.split(/[-_.:/+=]/).some(oneAlphabetCount);

// An e-mail address: the account, not the secret, of a `user:password` match.
const EMAIL = /^[^@\s]+@[\w-]+(?:\.[\w-]+)+$/;

/**
 * Where a whole URL was captured as one value (`postgres://user:pw@host:5432`, the match of a rule with no
 * group): the userinfo's password, up to the last `@` of the authority, as the other sources mark it.
 */
function urlPassword(text, s, e) {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s/]+)@/i.exec(text.slice(s, e));
  if (!url) return undefined;
  const at = s + url[0].length - 1 - url[1].length;
  return [at, at + url[1].length];
}

/**
 * The secret of one match in `text`: its capture group, or where the rule captures several (an id and its
 * key; a user, a password and a host), the last that is no host (after `@`, `://` or `machine `) and no
 * e-mail address (null where the group is a URL's scheme). Quotes and escapes at its ends are the text's syntax; a group the rule caps in length or
 * stops at a dot (an AWS session token's `{16,200}`) is read on to the end of the token.
 */
function secretSpan(text, m) {
  const groups = [];
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined && m[g] !== '') groups.push(g);
  if (groups.length === 0)
    return urlPassword(text, m.index, m.index + m[0].length) ?? [m.index, m.index + m[0].length];
  const host = (g) => /(?:@|:\/\/|machine\s+)$/.test(text.slice(0, m.indices[g][0]));
  const pick = [...groups].reverse().find((g) => !host(g) && !EMAIL.test(m[g])) ?? groups[groups.length - 1];
  // A group that is a URL's scheme (Kingfisher's `(https?)://…` rule captures only that) marks no secret.
  if (text.startsWith('://', m.indices[pick][1])) return null;
  let [s, e] = m.indices[pick];
  while (s < e && /["'\\\s]/.test(text[s])) s++;
  while (e > s && /["'\\\s]/.test(text[e - 1])) e--;
  // A whole connection string captured as one value (`Server=…;Password=…`): its secret is the password.
  const pw = /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;"']+)/i.exec(text.slice(s, e));
  if (pw) {
    s += pw.index + pw[0].length - pw[1].length;
    return [s, s + pw[1].trimEnd().length];
  }
  const url = urlPassword(text, s, e);
  if (url) return url;
  while (
    e < text.length &&
    (/[A-Za-z0-9+_-]/.test(text[e]) || (text[e] === '.' && /[A-Za-z0-9]/.test(text[e + 1] ?? '')))
  )
    e++;
  return [s, e];
}

/**
 * The parts of a match outside its capture groups: the keyword and separators the rule requires around
 * the value (`fbApiKey = '`), the peer's own writing, kept as written.
 */
function keywordSpans(m) {
  const groups = [];
  for (let g = 1; g < m.length; g++) if (m.indices[g]) groups.push(m.indices[g]);
  groups.sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = m.index;
  for (const [s, e] of groups) {
    if (s > at) out.push([at, s]);
    at = Math.max(at, e);
  }
  if (m.index + m[0].length > at) out.push([at, m.index + m[0].length]);
  return out;
}

// A value the peer wrote as a stand-in: a reference (`$PASSWORD`, `#{datastore['DBPASSWORD']}`), a name of
// the credential (`password`, `SOME_PASSWORD`, `myPassword`) or one character repeated (`######`).
const STAND_IN =
  /^["'\\]*(?:[$<{%]|#\{)|^(?:some|any|example|sample|dummy)[_-]?(?:password|secret|token|key)$/i;

function standIn(value) {
  const bare = value.replace(/^["'\\]+|["'\\\s]+$/g, '');
  return STAND_IN.test(value) || placeholderCredential(bare) || new Set(bare).size < 2;
}

/**
 * The format of a secret read on past its group's end (`secretSpan`: Databricks' `dapi<32 hex>` then
 * `-3`): the group's part in the group's format, the rest read from the example. Undefined where the
 * example's own shape keeps the group's part in the group's format already.
 */
function readOnFormat(value, s, matches, re, old) {
  for (const m of matches) {
    const g = m.indices.findIndex(
      (ix, k) => k > 0 && ix && ix[0] === s && ix[1] > s && ix[1] < s + value.length,
    );
    if (g < 0) continue;
    const group = groupSource(re.source, g);
    if (group === undefined || !leavesGroup(old, `${group}[\\s\\S]*`, re.flags)) return undefined;
    const cut = m.indices[g][1] - s;
    const head = groupShape(value.slice(0, cut), group, re.flags);
    return head === undefined ? undefined : head + shapeOf(value.slice(cut));
  }
  return undefined;
}

/**
 * `template` with each secret's marker re-written in the format the rule's capture group fixes
 * (`npFormat.js`), where the secret is exactly that group's text and the group reads as a plain sequence.
 */
function inGroupFormat(template, text, spans, matches, re, shared) {
  const markers = [...template.matchAll(/⟦!re:((?:[^⟧\\]|\\.)*)⟧/g)];
  if (markers.length !== spans.length) return template;
  const shapes = spans.map(([s, e], k) => {
    const old = markers[k][1];
    const value = text.slice(s, e);
    const m = matches.find((x) => x.indices.some((ix, g) => g > 0 && ix && ix[0] === s && ix[1] === e));
    const group =
      m &&
      groupSource(
        re.source,
        m.indices.findIndex((ix, g) => g > 0 && ix && ix[0] === s && ix[1] === e),
      );
    // Only where the shape read from the example alone draws values the peer's own group refuses.
    // Where a piece counts in one alphabet (`ABCDEFGHIJ…`), that piece's alphabet is the group's.
    const counting =
      group !== undefined && countsAnywhere(value) ? groupShape(value, group, re.flags) : undefined;
    const fixed =
      group !== undefined && leavesGroup(old, group, re.flags)
        ? groupShape(value, group, re.flags)
        : counting !== undefined
          ? countedOverGroup(old, counting, value)
          : readOnFormat(value, s, matches, re, old);
    return keepRuns(withJsonHead(fixed ?? old, value), value, shared.get(value) ?? []);
  });
  let k = 0;
  return template.replace(/⟦!re:((?:[^⟧\\]|\\.)*)⟧/g, () => `⟦!re:${shapes[k++]}⟧`);
}

/**
 * Writes `<source>.jsonl` into `outDir` from the YAML rules under `root` (a folder, ending in `/`) at the
 * HEAD of the git directory `gitDir`. `isIdentifier(rule)` names the rules whose matches are no secret
 * (an account id, a host): their examples are neither positives nor negatives, and `identifiers` says in
 * the header how the peer marks them. `chunked` writes `<source>1.jsonl`, `<source>2.jsonl`, … of 380 cases
 * each, as the larger sources are kept. `skipped` maps a rule id to why its examples are no case at all.
 */
function extractRuleExamples({
  gitDir,
  outDir,
  root,
  source,
  repo,
  isIdentifier,
  identifiers,
  chunked = false,
  skipped = {},
}) {
  const git = (...args) =>
    execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const commit = git('rev-parse', 'HEAD').trim();

  const files = git('ls-tree', '-r', '--name-only', 'HEAD', root)
    .trim()
    .split('\n')
    .filter((f) => /\.ya?ml$/.test(f));
  const rules = files.flatMap((file) =>
    (yaml.load(git('show', `HEAD:${file}`)).rules ?? []).map((r) => ({ ...r, file })),
  );
  const secretRules = rules.filter((r) => !isIdentifier(r)).map((r) => ({ ...r, re: translate(r.pattern) }));

  const counts = { dropped: 0, identifiers: 0, skipped: 0, standIns: 0, reported: 0, duplicates: 0 };
  const read = [];
  const seen = new Set();
  for (const rule of rules) {
    const examples = rule.examples ?? [];
    const negatives = rule.negative_examples ?? [];
    if (isIdentifier(rule)) {
      counts.identifiers += examples.length + negatives.length;
      continue;
    }
    if (skipped[rule.id] !== undefined) {
      counts.skipped += examples.length + negatives.length;
      continue;
    }
    const re = translate(rule.pattern);
    // A case-insensitive rule writes its literals in one case (`sk`, `nral`); the examples use either.
    const literals = regexLiterals(re.source);
    keepLiterals(
      re.flags.includes('i') ? literals.flatMap((l) => [l, l.toLowerCase(), l.toUpperCase()]) : literals,
    );
    // The rule's file name and its keyword literals (`fb`, `twilio`) are the provider's words, not values.
    keepNames([
      path.basename(rule.file).replace(/\.ya?ml$/, ''),
      ...literals.filter((l) => /^[a-z]+$/i.test(l)),
    ]);
    const from = rule.file.slice(root.length);
    const spansOf = (text, matches) =>
      matches
        .map((m) => secretSpan(text, m))
        .filter((span) => span !== null && !standIn(text.slice(span[0], span[1])));
    // What the rule's examples share at the same place (`sharedRuns`): a fixed part of the format.
    const shared = sharedRuns(
      examples.flatMap((text) => spansOf(text, [...text.matchAll(re)]).map(([s, e]) => text.slice(s, e))),
    );
    for (const text of examples) {
      const matches = [...text.matchAll(re)];
      const spans = spansOf(text, matches);
      if (spans.length === 0) {
        counts.standIns++;
        continue;
      }
      const written = templatizeWithValues(text, spans, matches.flatMap(keywordSpans)).template;
      const template = written === null ? null : inGroupFormat(written, text, spans, matches, re, shared);
      if (template === null || !template.includes('⟦!') || !samplerReads(template)) {
        counts.dropped++;
        continue;
      }
      push({ label: 'secret', kind: rule.id, from, text: template });
    }
    for (const text of negatives) {
      // A negative for this rule that another of the peer's secret rules reports (a Slack token of another
      // kind, a Vault token of another type) is a secret to Nosey Parker as a whole: no hard negative.
      if (secretRules.some((r) => r.id !== rule.id && new RegExp(r.re).test(text))) {
        counts.reported++;
        continue;
      }
      const { template, values } = templatizeWithValues(text, []);
      if (template === null || !samplerReads(template)) {
        counts.dropped++;
        continue;
      }
      push({ label: 'negative', kind: rule.id, from, text: template, raw: text, values });
    }
  }

  /** Keeps the first of identical cases (rules that share an example: GitHub's id and secret pair). */
  function push(c) {
    const key = `${c.label}\u0000${c.text}`;
    if (seen.has(key)) {
      counts.duplicates++;
      return;
    }
    seen.add(key);
    read.push(c);
  }

  // Negatives the same peer labels a secret, or holding a value of the same rule's secret format.
  const conflict = conflicting(read);
  const cases = read.filter((c) => !conflict(c)).map(asStored);
  counts.dropped += read.length - cases.length;
  const header = {
    source,
    origin: `${repo}@${commit}, ${root}*.yml (each rule's examples and negative_examples)`,
    note: `the secret is the rule pattern's capture group; not kept: ${counts.identifiers} examples of rules ${identifiers}, ${Object.entries(
      skipped,
    )
      .map(([id, why]) => `the examples of ${id} (${why}), `)
      .join(
        '',
      )}${counts.standIns} positives whose secret is a stand-in (a reference, the credential's name, one repeated character), ${counts.reported} negatives another of the peer's rules reports`,
    dropped: counts.dropped + counts.identifiers + counts.skipped + counts.standIns + counts.reported,
    duplicates: counts.duplicates,
  };
  const chunk = chunked ? 380 : cases.length;
  for (let k = 0; k * chunk < cases.length; k++) {
    const name = chunked ? `${source}${k + 1}.json` : `${source}.json`;
    writeSource(path.join(outDir, name), header, cases.slice(k * chunk, (k + 1) * chunk));
  }
  console.log(`${source}: ${tally(cases)}, ${JSON.stringify(counts)}`);
}

module.exports = { extractRuleExamples, readOnFormat };
