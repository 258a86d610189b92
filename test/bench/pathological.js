// Hostile input: per-byte scan time of 1 MB pathological files against 1 MB of ordinary code.
const path = require('node:path');
const { timeIt } = require('./scan');
const { generateTree } = require('./generate');
const fs = require('node:fs');
const os = require('node:os');

const ROOT = path.resolve(__dirname, '..', '..');
const MB = 1048576;

function fill(unit, bytes = MB) {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** The hostile shapes the issue names, plus a few aimed at our own keywords. */
function pathologicalInputs() {
  const b64 = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw';
  return {
    'one char (a)': fill('a'),
    'base64 run': fill(b64),
    'equals signs': fill('='),
    quotes: fill('"'),
    'one 1 MB line of code': fill('const value = compute(alpha, beta) + other; '),
    'repeated ghp_': fill('ghp_'),
    'repeated password=': fill('password='),
    'repeated -----BEGIN': fill('-----BEGIN '),
    'repeated sk-': fill('sk-'),
    'repeated xoxb-': fill('xoxb-'),
    'repeated eyJ': fill('eyJ'),
    'repeated ://a:': fill('://a:'),
    // The same units, each followed by a letter drawn from a fixed seed: no short period repeats, so the
    // prefilter's skip over periodic text (periodicSkip.ts) cannot apply and every hit is paid for.
    'sk- + a random letter': varied('sk-'),
    'password= + a random letter': varied('password='),
    '-----BEGIN + a random letter': varied('-----BEGIN '),
    'eyJ + a random letter': varied('eyJ'),
    'ghp_ + a random letter': varied('ghp_'),
    // Whole tokens on one line, each a candidate its rule checks around (2026-12-05: a JWT's name look-back and
    // a bare bot token's line ends read the whole line from each token, the square of the line's length).
    // Joined here, so that no token-shaped literal sits in the file (the repository's own scan reads it).
    'one line of JWT-shaped tokens': fill(
      `${['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0In0', 'abcDEF123ghiJKL456mno'].join('.')} `,
    ),
    'one line of bot-token-shaped runs': fill(
      'MTAwMDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123 ',
    ),
    // The same shapes, each token drawn afresh (a fixed seed): no check can be answered once for them all, as
    // it can for a repeated token (shapeChecks.ts asks each distinct text once per scan).
    'one line of distinct JWT-shaped tokens': distinct(
      (draw) => `eyJhbGciOiJIUzI1NiJ9.eyJ${draw(17)}.${draw(21)} `,
    ),
    'one line of distinct bot-token-shaped runs': distinct(
      (draw) => `MTAwMDAwMDAwMDAwMDAwMDAw.${draw(6)}.${draw(30)} `,
    ),
  };
}

/** Tokens from `make`, each with characters drawn from a fixed seed, on one line to 1 MB. */
function distinct(make, bytes = MB) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let seed = 11;
  const draw = (n) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      out += alphabet[(seed >>> 16) % alphabet.length];
    }
    return out;
  };
  const parts = [];
  for (let n = 0; n < bytes;) {
    const token = make(draw);
    parts.push(token);
    n += token.length;
  }
  return parts.join('').slice(0, bytes);
}

/** `unit` and one pseudo-random letter, repeated to 1 MB (a fixed seed: the same text every run). */
function varied(unit, bytes = MB) {
  let seed = 7;
  const parts = [];
  for (let n = 0; n < bytes; n += unit.length + 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    parts.push(unit, String.fromCharCode(97 + ((seed >>> 16) % 26)));
  }
  return parts.join('').slice(0, bytes);
}

function ordinaryCode() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-ord-'));
  try {
    generateTree(dir, 2 * MB, 7);
    let text = '';
    const walk = (d) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (text.length < MB) text += fs.readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return text.slice(0, MB);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns rows: name, ms, ratio to ordinary code per byte. */
function benchPathological(runs = 5) {
  const { scan } = require(path.join(ROOT, 'out/src/core/detect/scanner.js'));
  const ordinary = ordinaryCode();
  const inputs = Object.entries(pathologicalInputs());
  // Both sides warm: V8 compiles the engine's hot functions in the background over the first ~100 ms of
  // scanning, and a baseline timed after three runs was partly cold (3.6 to 12.5 ms for the same 1 MB from
  // one process to the next), which made every ratio look smaller than the steady one.
  for (let i = 0; i < 30; i++) scan(ordinary);
  for (const [, text] of inputs) for (let i = 0; i < 2; i++) scan(text);
  const base = timeIt(Math.max(runs, 9), () => scan(ordinary)).ms;
  const rows = [{ name: 'ordinary code (baseline)', ms: base, ratio: 1 }];
  for (const [name, text] of inputs) {
    const ms = timeIt(runs, () => scan(text)).ms;
    rows.push({ name, ms, ratio: ms / base });
  }
  return rows;
}

module.exports = { benchPathological, pathologicalInputs };
