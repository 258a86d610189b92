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
 * Where the four bytes that index a keyword longer than four start: its rarest window by `COMMON`, the
 * first on a tie. Indexing `client_secret` on `clie` made every `client` in a file a position to
 * check; on `_sec` only the few that go on to a secret are (the bench's 60 MB passed ~1M positions,
 * three in four of them for a common first four letters whose keyword then did not follow).
 */
export function gramOffset(kw: string): number {
  let best = 0;
  let bestScore = Infinity;
  for (let at = 0; at + 4 <= kw.length; at++) {
    let score = 0;
    for (let i = at; i < at + 4; i++) {
      const ch = kw[i]!;
      score += Math.log(COMMON[ch] ?? (ch >= '0' && ch <= '9' ? 5 : 2));
    }
    if (score < bestScore - 1e-9) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}
