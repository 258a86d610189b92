'use strict';
// Extracts MongoDB Kingfisher's rules (data/rules/*.yml, in Nosey Parker's form, which they began as a copy
// of): each rule's `examples` are positives, its `negative_examples` hard negatives (`ruleExamples.js`).
// Usage: node kingfisher.js <kingfisher git dir> <out dir>.
const { extractRuleExamples } = require('./ruleExamples');

// What a rule matches is no secret when the peer hides the rule (`visible: false`: a client id or a host that
// another rule's validation needs), or when its name says it is an id, an account or a place. Kingfisher's
// `categories` cannot say it: it files GitHub's and GitLab's tokens under `identifier` too.
const NAMES_NO_SECRET =
  /(?:\bID|\bUsername|\bDomain|\bHost|\bOrg Name|\bAccount Name|\bSearch URL|\bInstance URL|\bpublic key\)?)$/i;

const [gitDir, outDir] = process.argv.slice(2);
extractRuleExamples({
  gitDir,
  outDir,
  root: 'data/rules/',
  source: 'kingfisher',
  repo: 'github.com/mongodb/kingfisher',
  isIdentifier: (r) => r.visible === false || NAMES_NO_SECRET.test(String(r.name ?? '').trim()),
  identifiers: 'hidden or named as an id, a user name or a host',
  chunked: true,
  skipped: {
    'kingfisher.weak_password.1':
      'a list of weak passwords (`letmein42`), each alone with no name or place: no tool can tell one from a word',
  },
});
