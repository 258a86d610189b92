'use strict';
// Turns a peer's test case into a template that holds no secret-looking value. Each random-looking token
// becomes a marker that names how to re-generate it: `⟦re:REGEX⟧` (sampled at test time), or a named
// generator (`⟦@jwt⟧`, `⟦@pem:LABEL:LINES⟧`). A marker opening with `!` is the case's secret.
// Run by the extractors only (node, offline, against a peer's repository snapshot); tests never run it.

const TOKEN = /[A-Za-z0-9_\-+/.~]+={0,3}/g;

const { entropy, keepNames, randomLooking } = require('./words');
const { shapeOf, keepLiterals, regexLiterals } = require('./shape');

// Values in a credential position (password=…, user:…@, -u user:…) are re-generated even when they read
// like words: the repository must not hold a password-shaped literal either.
const CREDENTIAL_VALUE = [
  // An authorization scheme before the value (`auth_token: "Bearer …"`) is the header's keyword, not the value.
  /(?:pass(?:word|wd)?|pwd|secret|token)["']?\s*[=:]\s*["']?(?:(?:Bearer|Basic|Token)\s+)?([^\s"'`,;<>]{4,})/gi,
  /:\/\/[^:/@\s"'`]+:([^@\s"'`/]{3,})@/g,
  /(?:-u|--user)[ =]["']?[^:\s"']*:([^\s"'@]{3,})/g,
];

function credentialSpans(text) {
  const spans = [];
  for (const re of CREDENTIAL_VALUE) {
    for (const m of text.matchAll(re)) {
      const v = m[1];
      // References and masks stay, a mask after a few shown characters too (`bP88Q~xxxx…`, `AP6xxxxxx`),
      // and so does GitHub's fixed password for a token given as the user.
      if (/^[$<{%]|^\*+$|^x+$|x{6,}|^x-oauth-basic$/i.test(v)) continue;
      const start = m.index + m[0].length - v.length;
      spans.push([start, start + v.length]);
    }
  }
  return spans;
}

/** Named generators for formats a random run cannot reproduce. */
function generatorFor(value) {
  if (/^[A-Za-z0-9+/]{8,}={0,2}$/.test(value) && value.length % 4 === 0) {
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    const m = /^([\x21-\x39\x3b-\x7e]{1,64}):([\x20-\xff]{0,128})$/.exec(decoded);
    if (m) return `@basic:${m[1].length}:${m[2].length}`;
  }
  if (/^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.?[A-Za-z0-9_-]*$/.test(value)) return '@jwt';
  return undefined;
}

// Where the last templatize call re-generated a token that is not the case's secret: [start, end) in the
// peer's text (see templatizeWithValues).
let replaced = [];

// Characters no token alphabet holds: in a value that is not the secret (a negative's near miss,
// `sbp_…?…`), such a character is what makes it invalid, so it stays where the peer put it.
const ODD = /([^A-Za-z0-9+/=_\-.~])/;

function markerFor(value, secret, at) {
  const named = generatorFor(value);
  if (!secret) {
    replaced.push([at, at + value.length]);
    if (!named && ODD.test(value)) {
      return value
        .split(ODD)
        .map((piece, i) => (i % 2 === 1 ? piece : piece.length === 0 ? '' : `⟦re:${shapeOf(piece)}⟧`))
        .join('');
    }
  }
  return `⟦${secret ? '!' : ''}${named ?? `re:${shapeOf(value)}`}⟧`;
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Replaces PEM bodies by `⟦@pem:LABEL:LINES⟧`; returns null when a block cannot be re-generated. */
function pemOf(label, body) {
  const lines = body
    .split(/\\n|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0 || lines.some((l) => !/^[A-Za-z0-9+/=:, -]+$/.test(l))) return null;
  const data = lines.filter((l) => !l.includes(':'));
  return `@pem:${label}:${data.length}`;
}

/**
 * The template of `text`: `secrets` are [start, end) spans of the case's secrets (exact, when the peer
 * says where they are); every other random-looking token is re-generated too, but is not a secret.
 * Returns null when some secret cannot be re-generated.
 */
function templatize(text, secrets = []) {
  replaced = [];
  const out = [];
  let cursor = 0;
  const spans = [...secrets].sort((a, b) => a[0] - b[0]);
  let pems = [];
  for (const m of text.matchAll(PEM)) pems.push([m.index, m.index + m[0].length, m[1], m[2]]);
  const credentials = credentialSpans(text).filter(
    ([cs, ce]) => !spans.some(([ss, se]) => ss < ce && se > cs),
  );
  function emitPlain(from, to) {
    const cred = credentials.find(([cs, ce]) => cs >= from && ce <= to);
    if (cred) {
      emitPlain(from, cred[0]);
      out.push(markerFor(text.slice(cred[0], cred[1]), false, cred[0]));
      emitPlain(cred[1], to);
      return;
    }
    let at = from;
    for (const m of text.slice(from, to).matchAll(TOKEN)) {
      const tok = m[0];
      const start = from + m.index;
      out.push(text.slice(at, start));
      out.push(randomLooking(tok) ? markerFor(tok, false, start) : tok);
      at = start + tok.length;
    }
    out.push(text.slice(at, to));
  }
  for (const [s, e] of spans) {
    if (s < cursor) continue;
    // A span may run past the block's last dashes onto the line break after it (trufflehog's want).
    const trailing = /\s*$/.exec(text.slice(s, e))[0].length;
    const pem = pems.find((p) => p[0] <= s && p[1] >= e - trailing);
    if (pem) continue; // handled below as a whole block
    emitPlain(cursor, s);
    const value = text.slice(s, e);
    if (/^(?:x+|\*+)$/i.test(value) || value.length < 4) return null;
    const marker = markerFor(value, true);
    // A secret with nothing random in its format (a host or path picked as the "secret") is no case.
    if (!/[[{]|⟦!@/.test(marker)) return null;
    out.push(marker);
    cursor = e;
  }
  emitPlain(cursor, text.length);
  let result = out.join('');
  // PEM blocks: whole blocks, a secret when they hold a private key.
  let failed = false;
  result = result.replace(PEM, (block, label, body) => {
    // A body with nothing random in it (`xxxx`, a short placeholder) is the peer's placeholder: kept as
    // written, since a re-generated block would be a well-formed key where the peer wrote none.
    if (!body.includes('⟦')) return block;
    const spec = pemOf(label, body.replace(/⟦[^⟧]*⟧/g, 'AAAA'));
    if (!spec) {
      failed = true;
      return '';
    }
    return `⟦${/PRIVATE/.test(label) ? '!' : ''}${spec}⟧`;
  });
  if (failed) return null;
  return result;
}

/**
 * `templatize`, and where (in `text`) the tokens it re-generated that are not the case's secret sit: a
 * negative's values, which the extractors test against the formats of the same rule's positives.
 */
function templatizeWithValues(text, secrets = []) {
  const template = templatize(text, secrets);
  return { template, values: replaced };
}

/** The most random-looking token of `text` when the peer does not say where the secret is. */
function guessSecret(text) {
  const userinfo = /:\/\/[^:/@\s'"]*:([^@\s'"/]{3,})@/.exec(text);
  if (userinfo && !/^\$|^<|^\{/.test(userinfo[1])) {
    const start = userinfo.index + userinfo[0].length - 1 - userinfo[1].length;
    return [[start, start + userinfo[1].length]];
  }
  // A curl credential: the password of `-u`/`--user user:password`, the value of an Authorization
  // header. The most random-looking token is often something else there (an env-var name, a host).
  const curl =
    /(?:^|\s)(?:-u|--user)\s+['"]?[^:\s'"]*:([^\s'"]{3,})/.exec(text) ??
    /Authorization:\s*(?:Basic|Bearer|Token)\s+([^\s'"]{8,})/i.exec(text);
  if (curl && !/^\$|^<|^\{/.test(curl[1])) {
    const start = curl.index + curl[0].length - curl[1].length;
    return [[start, start + curl[1].length]];
  }
  let best = null;
  for (const m of text.matchAll(TOKEN)) {
    const tok = m[0].replace(/^[-_.=/]+|[-_./]+$/g, '');
    if (!randomLooking(tok)) continue;
    const start = m.index + m[0].indexOf(tok);
    const score = entropy(tok) * Math.min(tok.length, 64);
    if (!best || score > best.score) best = { span: [start, start + tok.length], score };
  }
  if (PEM.test(text)) {
    PEM.lastIndex = 0;
    return [];
  }
  return best ? [best.span] : null;
}

/** Writes a source file as JSON lines: the header (source, origin, drops), then one case per line. */
function writeSource(file, header, cases) {
  const fs = require('node:fs');
  const lines = [JSON.stringify(header), ...cases.map((c) => JSON.stringify(c))];
  fs.writeFileSync(file.replace(/\.json$/, '.jsonl'), `${lines.join('\n')}\n`);
}

/** `N secrets, M negatives`: the tally each extractor prints. */
function tally(cases) {
  const n = (label) => cases.filter((c) => c.label === label).length;
  return `${n('secret')} secrets, ${n('negative')} negatives`;
}

/** Writes `cases` as `<name>1.jsonl`, `<name>2.jsonl`, … of 380 cases each, all under `header`, and prints the tally. */
function writeChunks(outDir, name, header, cases) {
  const path = require('node:path');
  const chunk = 380;
  for (let k = 0; k * chunk < cases.length; k++) {
    writeSource(path.join(outDir, `${name}${k + 1}.json`), header, cases.slice(k * chunk, (k + 1) * chunk));
  }
  console.log(`${name}: ${tally(cases)}, dropped ${header.dropped}, unsupported ${header.unsupported}`);
}

module.exports = {
  keepNames,
  keepLiterals,
  regexLiterals,
  templatize,
  templatizeWithValues,
  guessSecret,
  randomLooking,
  shapeOf,
  writeSource,
  writeChunks,
  tally,
  entropy,
};
