'use strict';
// Turns a peer's test case into a template that holds no secret-looking value. Each random-looking token
// becomes a marker that names how to re-generate it: `⟦re:REGEX⟧` (sampled at test time), or a named
// generator (`⟦@jwt⟧`, `⟦@pem:LABEL:LINES⟧`). A marker opening with `!` is the case's secret.
// Run by the extractors only (node, offline, against a peer's repository snapshot); tests never run it.

const TOKEN = /[A-Za-z0-9_\-+/.~]+={0,3}/g;

const {
  entropy,
  escapeRe,
  keepNames,
  keepLiterals,
  regexLiterals,
  randomLooking,
  shapeOf,
} = require('./shape');

// Values in a credential position (password=…, user:…@, -u user:…) are re-generated even when they read
// like words: the repository must not hold a password-shaped literal either.
const CREDENTIAL_VALUE = [
  // An authorization scheme before the value (`auth_token: "Bearer …"`) is the header's keyword, not the value.
  /(?:pass(?:word|wd)?|pwd|secret|token)["']?\s*[=:]\s*["']?(?:(?:Bearer|Basic|Token)\s+)?([^\s"'`,;<>]{4,})/gi,
  /:\/\/[^:/@\s"'`]+:([^@\s"'`/]{3,})@/g,
  /(?:-u|--user)[ =]["']?[^:\s"']*:([^\s"'@]{3,})/g,
];

// `token`, `key` and `apikey` name the credential as `password` does (gitleaks' `-u username:token` curl sample).
const PLACEHOLDER_CREDENTIAL =
  /^(?:(?:my|your|the)[_-]?)?(?:password|passwd|pass|pwd|secret|token|key|api[_-]?key)$|^(?:your|replace[_-]with)[_-][a-z_]*(?:password|passwd|pass|secret|token|key)$/i;

/**
 * `abc`, `1234`, `1111`: a counting or repeated run, the placeholder of a short or low-entropy password
 * (secretlint's negatives). Kept as written like a mask.
 */
function countingRun(v) {
  if (v.length < 3 || v.length > 10 || !/^(?:[a-z]+|[0-9]+)$/i.test(v)) return false;
  if (/^(.)\1+$/.test(v)) return true;
  for (let i = 1; i < v.length; i++) if (v.charCodeAt(i) !== v.charCodeAt(i - 1) + 1) return false;
  return true;
}

function credentialSpans(text) {
  const spans = [];
  for (const re of CREDENTIAL_VALUE) {
    // `d`: the value's own offset. The userinfo pattern goes on past the value (its `@`), so the end of
    // the match is not the end of the value.
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}d`))) {
      const v = m[1];
      // References and masks stay, a mask after a few shown characters too (`bP88Q~xxxx…`, `AP6xxxxxx`),
      // and so does GitHub's fixed password for a token given as the user.
      if (/^[$<{%]|^\*+$|^x+$|x{6,}|^x-oauth-basic$/i.test(v)) continue;
      // A value that only names the credential (`admin:password@`, `YOUR_PASSWORD`) is the peer's
      // placeholder, kept as written: re-drawn, it would be a real password where the peer wrote none.
      if (PLACEHOLDER_CREDENTIAL.test(v) || countingRun(v)) continue;
      const start = m.indices[1][0];
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
  const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.?[A-Za-z0-9_-]*$/;
  if (JWT.exec(value)?.index === 0) return jwtSpec(value);
  // A JWT after a token prefix and an id (GitHub's `ghs_<installation id>_<JWT>`): the prefix re-drawn
  // as any value is, the JWT whole.
  const lead = /^[A-Za-z]{2,8}_(?:\d{1,12}_)?(?=eyJ)/.exec(value);
  if (lead && JWT.exec(value)?.index === lead[0].length) return `@jwt:${shapeOf(lead[0])}`;
  return undefined;
}

/** `segment` decoded from base64url, as latin1 text. */
function fromBase64url(segment) {
  return Buffer.from(segment, 'base64url').toString('latin1');
}

/** Whether a JWT segment decodes to a JSON object. */
function isJsonSegment(segment) {
  try {
    const v = JSON.parse(fromBase64url(segment));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

const B64URL_RUN = (n) => `[A-Za-z0-9_\\-]{${n}}`;

/**
 * A JWT-shaped literal. Header and claims that decode to JSON are re-generated as a real JWT (`@jwt`).
 * Where the peer wrote a segment that does not decode to JSON (a made-up payload, a header with a typo:
 * the very thing that makes trufflehog's `invalid pattern` cases invalid), the segment stays one: a
 * header written as text (`{"alg":"HS256","typ%…`) is kept as the peer wrote it (it holds no secret),
 * any other segment is a random run of its length (keeping a leading `eyJ`), and so is the signature.
 * Before, every such literal became a well-formed JWT, and the peer's near miss a real token.
 */
function jwtSpec(value) {
  const [head, body, signature = ''] = value.split('.');
  if (isJsonSegment(head) && isJsonSegment(body)) return '@jwt';
  const decodedHead = fromBase64url(head);
  const typedHead = decodedHead.startsWith('{"') && /^[\x20-\x7e]*$/.test(decodedHead.slice(0, 12));
  const segment = (s) => (s.startsWith('eyJ') ? `eyJ${B64URL_RUN(s.length - 3)}` : B64URL_RUN(s.length));
  const parts = [isJsonSegment(head) || typedHead ? escapeRe(head) : segment(head), segment(body)];
  if (value.split('.').length === 3) parts.push(signature.length > 0 ? B64URL_RUN(signature.length) : '');
  return `re:${parts.join('\\.')}`;
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

// The end line may lose a dash (secretlint's GCP service-account sample ends `-----END PRIVATE KEY----`):
// still the block the peer meant, re-generated well formed.
const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-{4,5}/g;

/** Replaces PEM bodies by `⟦@pem:LABEL:LINES⟧`; returns null when a block cannot be re-generated. */
function pemOf(label, body) {
  const lines = body
    .split(/\\n|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0 || lines.some((l) => !/^[A-Za-z0-9+/=:, -]+$/.test(l))) return null;
  const data = lines.filter((l) => !l.includes(':'));
  // A block inside a JSON string (a service-account file) has its line breaks written `\n`.
  const escaped = body.includes('\\n') && !body.includes('\n');
  return `@pem:${label}:${data.length}${escaped ? ':json' : ''}`;
}

/**
 * The template of `text`: `secrets` are [start, end) spans of the case's secrets (exact, when the peer
 * says where they are); every other random-looking token is re-generated too, but is not a secret,
 * except in `written` spans: context the peer's own helper wrote around the value (gitleaks'
 * `{i}Token := `), never a value. Returns null when some secret cannot be re-generated.
 */
function templatize(text, secrets = [], written = []) {
  replaced = [];
  const out = [];
  let cursor = 0;
  const spans = [...secrets].sort((a, b) => a[0] - b[0]);
  let pems = [];
  for (const m of text.matchAll(PEM)) pems.push([m.index, m.index + m[0].length, m[1], m[2]]);
  const kept = (s, e) => written.some(([ws, we]) => ws < e && we > s);
  const credentials = credentialSpans(text).filter(
    ([cs, ce]) => !spans.some(([ss, se]) => ss < ce && se > cs) && !kept(cs, ce),
  );
  function emitPlain(from, to) {
    // A PEM block is written as it is here and re-generated whole below: read token by token, a body
    // whose line breaks are written `\n` (a JSON string) would lose the `n` to the next line's token.
    if (from >= to) return;
    const block = pems.find(([ps, pe]) => ps < to && pe > from);
    if (block) {
      const [ps, pe] = [Math.max(block[0], from), Math.min(block[1], to)];
      emitPlain(from, ps);
      out.push(text.slice(ps, pe));
      emitPlain(pe, to);
      return;
    }
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
      out.push(randomLooking(tok) && !kept(start, start + tok.length) ? markerFor(tok, false, start) : tok);
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
    const lines = body.split(/\\n|\n/);
    if (!lines.some((l) => [...l.matchAll(TOKEN)].some((m) => randomLooking(m[0])))) return block;
    const spec = pemOf(label, body);
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
function templatizeWithValues(text, secrets = [], written = []) {
  const template = templatize(text, secrets, written);
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

/** Whether a value only names the credential (`password`, `YOUR_PASSWORD`) or counts (`abc`, `1111`). */
function placeholderCredential(v) {
  return PLACEHOLDER_CREDENTIAL.test(v) || countingRun(v);
}

module.exports = {
  placeholderCredential,
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
