'use strict';
// How the extractors read a value: the regex that re-generates it (`shapeOf`: the provider's literal
// prefix and separators kept, each random run re-drawn over its alphabet and length) and whether a token
// is random enough to re-generate at all (`randomLooking`; words and identifiers are not).
// Run by the extractors only (node, offline, against a peer's repository snapshot); tests never run it.

// Prefixes that carry no separator after them; with a separator (`ghp_`, `xoxb-`, `sk_live_`) the
// splitter keeps short leading words anyway.
const BARE_PREFIXES = [
  'GR1348941',
  'AGE-SECRET-KEY-1',
  'ATATT3',
  'AKIA',
  'ABSK',
  'ASIA',
  'ABIA',
  'ACCA',
  'AIza',
  'EAAA',
  'EAA',
  'dapi',
  'eyJ',
  // AWS AppSync API keys (`da2-` and 26 characters): the digit keeps the splitter from reading it as a word.
  'da2-',
];

function entropy(s) {
  const counts = new Map();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The smallest class of the usual alphabets that holds every character of `s`. */
function classOf(s) {
  if (/^[0-9]+$/.test(s)) return '[0-9]';
  if (s.length >= 8 && /^[0-9a-f]+$/.test(s)) return '[0-9a-f]';
  if (s.length >= 8 && /^[0-9A-F]+$/.test(s)) return '[0-9A-F]';
  if (s.length >= 16 && /^[0-9a-fA-F]+$/.test(s)) return '[0-9a-fA-F]';
  let cls = '';
  if (/[A-Z]/.test(s)) cls += 'A-Z';
  if (/[a-z]/.test(s)) cls += 'a-z';
  if (/[0-9]/.test(s)) cls += '0-9';
  const symbols = [...new Set(s.replace(/[A-Za-z0-9]/g, ''))].sort().join('');
  for (const c of symbols) cls += c === '-' || c === ']' || c === '\\' || c === '^' ? `\\${c}` : c;
  return `[${cls}]`;
}

function run(s) {
  // Digit groups joined by slashes (an Asana token's `2/<16>/<16>`) keep the slashes.
  if (/^[0-9]+(?:\/[0-9]+)+$/.test(s)) return s.split('/').map(run).join('\\/');
  return `${classOf(s)}{${s.length}}`;
}

/** A regex that re-generates a value of the same format: literal prefix and separators, random runs. */
function shapeOf(whole) {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (UUID.test(whole)) {
    const c = whole === whole.toUpperCase() ? '[0-9A-F]' : '[0-9a-f]';
    return [8, 4, 4, 4, 12].map((n) => `${c}{${n}}`).join('-');
  }
  // A UUID's layout over a wider alphabet (Graphhopper's keys): the groups stay apart, each re-drawn.
  if (/^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$/.test(whole)) {
    const c = classOf(whole.replace(/-/g, ''));
    return [8, 4, 4, 4, 12].map((n) => `${c}{${n}}`).join('-');
  }
  // A connection string (`Endpoint=https://….azconfig.io;Id=…;Secret=…`): the names, `=` and `;` stay,
  // each value is read on its own (a host keeps its words).
  if (/^[A-Za-z][\w ]{0,30}=[^;=\s]+(?:;[A-Za-z][\w ]{0,30}=[^;\s]+)+;?$/.test(whole)) {
    return whole
      .split(';')
      .map((pair) => {
        if (pair === '') return '';
        const eq = pair.indexOf('=');
        const value = pair.slice(eq + 1);
        const kept = wordLike(value) || !/[A-Za-z0-9]{4}/.test(value) || value.length < 4;
        return escapeRe(pair.slice(0, eq + 1)) + (kept ? escapeRe(value) : shapeOf(value));
      })
      .join(';');
  }
  // A connection string or a query in other forms (`jdbc:…;user=…;password=…`, `…?api-version=…&sig=…`).
  const list = listShape(whole);
  if (list !== undefined) return list;
  // A percent-encoded value (a SAS token's `sig=…%2B…%3D`): the escapes stay, the runs between are
  // re-drawn, so the value still decodes to base64 of the same length.
  if (/%[0-9A-F]{2}/.test(whole) && /^[A-Za-z0-9%]+$/.test(whole)) {
    return whole
      .split(/(%[0-9A-F]{2})/)
      .map((p, i) => (i % 2 === 1 ? p : p.length === 0 ? '' : run(p)))
      .join('');
  }
  // An id and a token joined by a bar (Laravel Sanctum's `<id>|<40>`, Convier's keys).
  const sanctum = /^([0-9]{1,6})\|([A-Za-z0-9]{20,})$/.exec(whole);
  if (sanctum) return `${run(sanctum[1])}\\|${run(sanctum[2])}`;
  // A checksum after `=` at the end (Atlassian's `ATATT…=<8>`): a separator, not a base64 character.
  const checked = /^(.*[A-Za-z0-9])=([A-Za-z0-9]{8})$/.exec(whole);
  if (checked && checked[1].length >= 24 && !checked[1].includes('=')) {
    return `${shapeOf(checked[1])}=${run(checked[2])}`;
  }
  // A passphrase (`value with quotes and spaces`): each word re-drawn at its length, one space between,
  // as the peer wrote it; one run over `[a-z ]` would put spaces anywhere, or none.
  if (/^[A-Za-z]+(?: [A-Za-z]+)+$/.test(whole)) return whole.split(' ').map(run).join(' ');
  // A URL's path: host names and path words stay, each random segment is re-generated on its own.
  const slashed = whole.split('/');
  if (slashed.length > 1 && slashed.some((p) => p.length > 0 && wordLike(p))) {
    const part = (p) => {
      if (p.length === 0 || wordLike(p) || (!randomLooking(p) && p.length < 8)) return escapeRe(p);
      // Upper-case ids keep their type letter (Slack's T… team and B… hook ids).
      return /^[A-Z][A-Z0-9]{6,}$/.test(p) ? p[0] + run(p.slice(1)) : shapeOf(p);
    };
    return slashed.map(part).join('\\/');
  }
  // Quotes or punctuation at either end are the peer's syntax, not the value's alphabet.
  const lead = /^[^A-Za-z0-9]*/.exec(whole)[0];
  const trail = /[^A-Za-z0-9=]*$/.exec(whole.slice(lead.length))[0];
  const value = whole.slice(lead.length, whole.length - trail.length);
  // …and one it requires inside the value where a separator sets it apart (an Azure registry password's
  // `<42>+ACR<6>`, an Airtable OAuth token's `.v1.`): kept, and each side re-drawn on its own.
  const inner = literals.find((l) => {
    const at = value.indexOf(l);
    return (
      l.length >= 3 &&
      /[A-Za-z]/.test(l) &&
      // Past the prefix words (`sk-ant-`, `rk_live_` are read below) and before a run of its own.
      at >= 8 &&
      at + l.length + 4 <= value.length &&
      (/[^A-Za-z0-9]/.test(l) || /[^A-Za-z0-9]/.test(value[at - 1]))
    );
  });
  if (inner !== undefined) {
    const at = value.indexOf(inner);
    const side = (v) => (v.length === 0 ? '' : wordLike(v) && !/[0-9]/.test(v) ? escapeRe(v) : shapeOf(v));
    return (
      escapeRe(lead) +
      side(value.slice(0, at)) +
      escapeRe(inner) +
      side(value.slice(at + inner.length)) +
      escapeRe(trail)
    );
  }
  let prefix = '';
  // A literal the peer's own detector requires at the start (LangSmith's lsv2_, Okta's 00, sq0i): kept.
  // A separator right after it goes with it, so the structured reading below still sees the parts (sk_live_…).
  for (const p of literals) {
    if (value.startsWith(p) && value.length > p.length + 6 && p.length > prefix.length) prefix = p;
  }
  // A literal that ends inside a version number (secretlint's `sk-ant-api0` and `\d`) takes the rest of
  // it: `api03` is the kind of key, fixed by the format. So does one that ends on the word before it
  // (Nosey Parker's `sk-ant-api` and `[0-9]{2}-`).
  const version = /[a-z\d]$/i.test(prefix) ? /^\d{1,2}(?=[-_.:])/.exec(value.slice(prefix.length)) : null;
  if (version) prefix += version[0];
  if (prefix && /[-_.:]/.test(value[prefix.length]) && !/[-_.:]$/.test(prefix))
    prefix += value[prefix.length];
  for (const p of prefix ? [] : BARE_PREFIXES) {
    if (value.startsWith(p) && value.length > p.length + 6) {
      prefix = p;
      break;
    }
  }
  // A lower-case word and a separator (glpat-, glsoat-, sk_, pplx-) is a provider's prefix; it may go
  // on past a literal of the detector (`sk-` then `svcacct-`).
  const word = /^[a-z]{2,8}[-_](?:(?:live|test|proj|admin|svcacct)[-_])?/.exec(value)?.[0] ?? '';
  if (word.startsWith(prefix) && word.length > prefix.length) prefix = word;
  // Three dotted parts (Discord bot tokens): the first character encodes the id's size, a format fact.
  if (!prefix && /^[A-Za-z0-9]{20,}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{20,}$/.test(value)) prefix = value[0];
  let rest = value.slice(prefix.length);
  // A data-centre or key-type suffix (Mailchimp's -us6, MaxMind's _mmk) is part of the format.
  // …and so is a literal the peer's detector requires at the end (New Relic's FFFFNRAL, .tines.com).
  const fixedEnd = literals
    .filter((l) => l.length >= 3 && rest.endsWith(l) && rest.length > l.length + 2)
    .sort((a, b) => b.length - a.length)[0];
  const dc =
    fixedEnd ??
    /-[a-z]{2}\d{1,2}$/.exec(rest)?.[0] ??
    (rest.length > 30 ? (/_[a-z]{3}$/.exec(rest)?.[0] ?? '') : '');
  rest = rest.slice(0, rest.length - dc.length);
  let pad = '';
  const padMatch = /={1,2}$/.exec(rest);
  if (padMatch && rest.length > 12) {
    pad = padMatch[0];
    rest = rest.slice(0, -pad.length);
  }
  // `!` too: Salesforce's access tokens hold one at a fixed place (00<13>!<96>).
  const parts = rest.split(/([-_.:!])/);
  const segments = parts.filter((_, i) => i % 2 === 0);
  // Few separators between long runs: a structured token (xoxb-1-2-abc, sk_live_abc). Otherwise the
  // separators are part of a base64url alphabet and the whole rest is one random run.
  const structured =
    segments.length > 1 &&
    segments.length <= 7 &&
    segments.every(
      (s, i) =>
        s.length >= 3 ||
        (i === 0 && /^[a-z]+$/i.test(s)) ||
        /^[a-z]{1,3}$/i.test(s) ||
        // A version digit after the prefix words (Slack's xoxa-2-, xapp-1-, xoxe.xoxp-1-), not a random tail.
        (/^[0-9]$/.test(s) &&
          i < segments.length - 1 &&
          segments.slice(0, i).every((w) => /^[a-z]+$/i.test(w))),
    );
  let out = escapeRe(lead + prefix);
  if (structured) {
    // A hex token (Everhour's a289-1dad-dbeeeb-…-dc0ed546, a HubSpot pat's UUID): its short groups are hex
    // too, which `classOf` cannot tell from so few characters, so a short group with a hex letter follows
    // the token's long hex group (a digits-only group stays digits: Slack's ids).
    const hexOf = (cls) => segments.some((p) => p.length >= 8 && /[a-fA-F]/.test(p) && cls.test(p));
    const hex = hexOf(/^[0-9a-f]+$/) ? '0-9a-f' : hexOf(/^[0-9A-F]+$/) ? '0-9A-F' : undefined;
    // A group's base64 padding (Tableau's `<22>==:<32>`) stays at its end, as the whole value's does.
    const groupRun = (p) => {
      const pad = /^[A-Za-z0-9+/]{12,}?(={1,2})$/.exec(p)?.[1] ?? '';
      return hexRun(p.slice(0, p.length - pad.length)) + pad;
    };
    const hexRun = (p) =>
      hex !== undefined && /[a-fA-F]/.test(p) && new RegExp(`^[${hex}]+$`).test(p)
        ? `[${hex}]{${p.length}}`
        : run(p);
    let leading = true;
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        out += escapeRe(part);
        return;
      }
      const word = /^[A-Za-z]{1,8}$/.test(part) && !(i === parts.length - 1 && part.length > 4);
      if (part.length === 0) return;
      // A word and a version number (Anthropic's api03, admin01): the kind of key, fixed by the format.
      // …or a short letters-and-digits tag between a prefix word and a long run (42 Intra's s-s4t2ud-<64 hex>).
      // …or a region after a prefix word (HubSpot's pat-eu1-, pat-na1-).
      const versioned =
        /^[a-z]{2,8}[0-9]{2}$/.test(part) ||
        (prefix !== '' && i === 0 && /^[a-z]{2}[0-9]$/.test(part)) ||
        (i > 0 &&
          /^[a-z][a-z0-9]{3,7}$/.test(part) &&
          /[0-9]/.test(part) &&
          (parts[i + 2] ?? '').length >= 32);
      if (leading && (word || versioned) && i < parts.length - 1) {
        out += part; // a provider's prefix word (sk, live, xoxb, glpat)
      } else if (parts[i - 1] === ':' && /^AA[A-Za-z0-9_-]{30,}$/.test(part)) {
        out += 'AA' + run(part.slice(2)); // Telegram bot tokens: the secret half opens with AA
      } else {
        leading = false;
        out += groupRun(part);
      }
    });
  } else if (rest.length > 0) {
    out += run(rest);
  }
  return out + escapeRe(pad + dc + trail);
}

// A parameter of a connection string or a URL's query, and the names whose value is a credential.
const PARAM = /^([A-Za-z][\w.-]{0,40}=)([\s\S]*)$/;
const CREDENTIAL_PARAM = /(?:pass(?:word|wd)?|pwd|secret|sig|token|key)=$/i;

/**
 * A connection string or a URL with a query (`Endpoint=…;Id=…;Secret=…`, `…/invoke?api-version=…&sig=…`,
 * `jdbc:…;user=…;password=…`): the parameters' names and the separators stay, each value is re-generated
 * on its own when it is random-looking or a credential's (even a word: `password=testpassword`), and the
 * part before the first parameter keeps its words and re-generates its random segments. Undefined when
 * `whole` holds fewer than two parameters.
 */
function listShape(whole) {
  const parts = whole.split(/([;&?])/);
  if (parts.filter((p, i) => i % 2 === 0 && PARAM.test(p)).length < 2) return undefined;
  const plain = (v) => (randomLooking(v) ? shapeOf(v) : escapeRe(v));
  return parts
    .map((p, i) => {
      if (i % 2 === 1) return escapeRe(p);
      const m = PARAM.exec(p);
      if (!m) return p.split('/').map(plain).join('\\/');
      const [, name, value] = m;
      if (value === '') return escapeRe(name);
      const credential = CREDENTIAL_PARAM.test(name) && !/^[$<{%]/.test(value);
      return escapeRe(name) + (credential ? shapeOf(value) : plain(value));
    })
    .join('');
}

// Names the peer's source gives for what it tests (trufflehog's detector name, `d7network`): in the
// peer's text they are the provider's keyword, never a random value, even when they hold a digit.
let names = new Set();

/** Sets the names the next templatize calls keep as words (lower-cased). */
function keepNames(list) {
  names = new Set(list.map((n) => n.toLowerCase()));
}

// Literal runs the peer's own detector regex requires (see regexLiterals): where a value starts or ends
// with one, that part is the provider's format, kept as written.
let literals = [];

/** Sets the literals the next templatize calls keep at a value's start or end. */
function keepLiterals(list) {
  literals = [...new Set(list)];
}

/**
 * The literal runs of a regex's source (`\b(lsv2_(?:pt|sk)_[a-f0-9]{32})` gives lsv2_, pt, sk): letters,
 * digits and escaped or plain separators outside classes, a run cut where a quantifier, class, group,
 * alternation, slash or other escape starts (a URL's host and path words are runs of their own). Runs of 2 or more characters.
 */
function regexLiterals(source) {
  const out = [];
  let cur = '';
  const flush = () => {
    if (cur.length >= 2) out.push(cur);
    cur = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[++i] ?? '';
      if (/[.\-_:!@#]/.test(n)) cur += n;
      else flush();
    } else if (c === '[') {
      flush();
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '?' || c === '*' || c === '+' || c === '{') {
      cur = cur.slice(0, -1); // the quantifier takes the last character
      flush();
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
    } else if (c === '(' && source[i + 1] === '?') {
      flush(); // (?:, (?i), (?P<name>
      i++;
      while (i + 1 < source.length && !':)>'.includes(source[i])) i++;
    } else if (/[A-Za-z0-9\-_:!@#,=]/.test(c)) {
      cur += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Words of code with no vowel, which the vowel test above would read as random (`http.NewRequest`), and
// standard names with more digits than letters (`auth_provider_x509_cert_url` in a GCP service account).
const CODE_WORDS = /^(?:https?|www|ctx|fmt|pkg|cmd|src|std|msg|cfg|tmp|xml|html|sql|json|x509)$/;

/** A token worth re-generating: long enough and random-looking (not a word, identifier or placeholder). */
/**
 * Identifiers and phrases: every camel-case or separated piece is a short word or a small number; an
 * identifier's piece may end in a one- or two-digit index (`sumoKey1`) or be a two-letter word (`Id`).
 */
function wordLike(tok) {
  const pieces = tok
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    // An acronym before a capitalised word is a piece of its own (`brandfetchAPIKey`, `getIDFromDatabase`).
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.=/~]+/)
    .filter((p) => p.length > 0);
  return (
    pieces.length <= 8 &&
    pieces.every(
      (p) =>
        names.has(p.toLowerCase()) ||
        CODE_WORDS.test(p) ||
        // A lone letter is a piece too, as the `X` of a header name (`X-Octopus-ApiKey`).
        (/^(?:[A-Z]?[a-z]{2,}|[A-Z]?[a-z]{2,10}\d{1,2}|[A-Z][a-z]|[A-Z]{2,}|[A-Za-z]|\d{1,4}[a-z]*)$/.test(
          p,
        ) &&
          /[aeiouy]|^\d|^[A-Za-z]$/i.test(p)),
    ) &&
    tok.replace(/[^A-Za-z0-9]/g, '').length / pieces.length >= 3
  );
}

function randomLooking(tok) {
  if (tok.length < 8 || wordLike(tok)) return false;
  if (/^(?:x+|X+|\*+|0+|\.+|-+|_+|=+)$/.test(tok)) return false;
  if (
    /^[A-Za-z_.\-/]+$/.test(tok) &&
    !/[A-Z].*[a-z].*[A-Z]|[a-z].*[A-Z].*[a-z]/.test(tok.replace(/[_.\-/][A-Za-z]/g, ''))
  )
    return false; // words, snake_case and dotted or slashed paths
  if (/(?:https?|ftp)$/.test(tok) || tok.includes('//')) return false;
  if (/x{6,}|X{6,}|\*{4,}|0{8,}|1234567|abcdef|\.\.\./.test(tok)) return false;
  return entropy(tok) >= 3 && (/[0-9]/.test(tok) || tok.length >= 20 || /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(tok));
}

module.exports = {
  entropy,
  escapeRe,
  keepNames,
  keepLiterals,
  regexLiterals,
  randomLooking,
  shapeOf,
};
