/**
 * How common each character is in source code, roughly (per thousand characters; letters from English
 * text, the rest guessed from code): the sum of logs ranks a keyword's four-byte windows by how often
 * they should turn up where the keyword is not.
 */
const COMMON: Record<string, number> = {
  ' ': 150,
  '\n': 30,
  e: 80,
  t: 65,
  a: 50,
  o: 50,
  n: 50,
  r: 50,
  i: 50,
  s: 50,
  l: 35,
  c: 30,
  d: 28,
  u: 25,
  p: 22,
  m: 22,
  h: 20,
  f: 15,
  g: 14,
  b: 12,
  y: 10,
  w: 9,
  v: 8,
  k: 7,
  x: 5,
  j: 3,
  q: 1,
  z: 1,
  '.': 15,
  '(': 12,
  ')': 12,
  _: 12,
  '=': 10,
  ',': 10,
  '"': 10,
  '-': 8,
  ';': 8,
  "'": 8,
  ':': 8,
  '/': 8,
};

/**
 * Four-letter pieces of words that fill source code (`index`, `worker`, `config`, `return`), which
 * letter counts alone rank as rare: `yandex` on `ndex` matched every `index`, `fireworks` on `work`
 * every `worker`. A window that is one of them is taken only when nothing else is left.
 */
const CODE_WORDS = new Set(
  (
    'inde ndex work orke rker orks tion ment ount ient ager able ring ting data name user type list item file path ' +
    'valu alue retu etur turn func unct ncti ctio cons onst expo xpor port impo requ eque ques resp espo spon ' +
    'pons onse serv ervi rvic vice conf onfi nfig clie lien cont onte ntex text mess essa ssag sage acco ccou ' +
    'coun code toke oken erro rror stri trin ring inte nter defa efau faul ault publ ubli blic priv riva ivat ' +
    'vate stat tati atic clas lass upda pdat date dele elet lete crea reat eate load buff uffe ffer even vent'
  ).split(' '),
);

/**
 * Three-letter pieces common in code and English text. The prefilter looks a position's first three bytes
 * up first and its four only where those begin some keyword's indexed four, so a window that opens with
 * one of these (`ent(` of `client(`, `ret_` of `secret_`) sends many positions to the second lookup: such a
 * window is taken only when the others score as common anyway. With these, 2.4% of positions of the bench
 * tree and 3.6% of node_modules' JavaScript reach the second lookup, against 4.0% and 5.0% without.
 */
const CODE_TRIGRAMS = new Set(
  (
    'the ing ent ion tio for ate con ter res ret ken red age lic ire lin ver get ori nce ata and ere her est ' +
    'ons ect ted ers str int ine ame tri ead per ran rea ase ort ste eve ati all com ave sta rat tor ess pro ' +
    'pre tur ure ren erv ice ous art low sto nam ide use ser val ode der err ale our ime ove lue bje obj rom ' +
    'fro uct tat dat map ist las cla sse ass ack set ble abl ith wit nde dex'
  ).split(' '),
);

/**
 * Where the four bytes that index a keyword longer than four start: its rarest window by `COMMON`, the
 * first on a tie, and not one of `CODE_WORDS` if it has another; a window that opens with one of
 * `CODE_TRIGRAMS` counts as more common. Indexing `client_secret` on `clie` made every `client` in a file
 * a position to check; on `_sec` only the few that go on to a secret are (the bench's 60 MB passed ~1M
 * positions, three in four of them for a common first four letters whose keyword then did not follow).
 */
export function gramOffset(kw: string): number {
  let best = 0;
  let bestScore = Infinity;
  for (let at = 0; at + 4 <= kw.length; at++) {
    // Summed in the order `charLog` of each character would be, so ties fall as they always did.
    let score = logOf(kw, at) + logOf(kw, at + 1) + logOf(kw, at + 2) + logOf(kw, at + 3);
    // The word lists only add to a score: a window already no better is not looked up (start-up cost).
    if (score >= bestScore - 1e-9) {
      continue;
    }
    score += windowPenalty(kw, at);
    if (score < bestScore - 1e-9) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/** What a window's score gains for opening with one of `CODE_TRIGRAMS` (3) and for being one of `CODE_WORDS` (100). */
export function windowPenalty(kw: string, at: number): number {
  return (CODE_TRIGRAMS.has(kw.slice(at, at + 3)) ? 3 : 0) + (CODE_WORDS.has(kw.slice(at, at + 4)) ? 100 : 0);
}

/** The log of how common a character is (`COMMON`; a digit 5, anything else 2). */
export function charLog(ch: string): number {
  return Math.log(COMMON[ch] ?? (ch >= '0' && ch <= '9' ? 5 : 2));
}

/**
 * `charLog` by Latin-1 code, made once: a `Math.log` and a property lookup per character of the
 * catalogue's 883 keywords were a millisecond or two of every process's start-up.
 */
const LOGS = Float64Array.from({ length: 256 }, (_, code) => charLog(String.fromCharCode(code)));
const OTHER_LOG = Math.log(2);

/** `charLog` of the character at `at`; the index is built over Latin-1 keywords only. */
function logOf(kw: string, at: number): number {
  const code = kw.charCodeAt(at);
  return code < 256 ? LOGS[code]! : OTHER_LOG;
}
