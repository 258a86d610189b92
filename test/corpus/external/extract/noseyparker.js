'use strict';
// Extracts Nosey Parker's built-in rules (crates/noseyparker/data/default/builtin/rules/*.yml): each rule's
// `examples` are positives, its `negative_examples` hard negatives (`ruleExamples.js`).
// Usage: node noseyparker.js <noseyparker git dir> <out dir>.
const { extractRuleExamples } = require('./ruleExamples');

const [gitDir, outDir] = process.argv.slice(2);
extractRuleExamples({
  gitDir,
  outDir,
  root: 'crates/noseyparker/data/default/builtin/rules/',
  source: 'noseyparker',
  repo: 'github.com/praetorian-inc/noseyparker',
  // Rules the peer files as identifiers only (an account id, a bucket, a client id, a public key): what they
  // match is no secret, so their examples are no secret cases.
  isIdentifier: (r) =>
    (r.categories ?? []).includes('identifier') && !(r.categories ?? []).includes('secret'),
  identifiers: 'filed as identifiers only',
});
