import { credentialKind } from './credentialName';
import { isNameChar, namedValues } from './namedLiterals';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { hasWide } from './wideText';

/**
 * Credential names written with letters past ASCII: `CONTRASEÑA_BD=…`, `clé_secrète: …`, `"пароль": "…"`,
 * `数据库密码 = "…"`, `APIキー：…` (hunt J: 304 placements in 28 tongues, the name read by credentialName.ts
 * and foreignWords.ts). namedLiterals.ts finds names by ASCII words; this reads the name around each
 * character past ASCII, once per name, and takes its value in the same syntaxes; a full-width `：` or `＝`
 * is one of their separators (nameForms.ts).
 */
export const findForeignNames: RecallDetector = (text, out) => {
  if (!hasWide(text)) {
    return;
  }
  const kinds = new Map<string, string | undefined>();
  WIDE_CHARS.lastIndex = 0;
  for (let m = WIDE_CHARS.exec(text); m !== null; m = WIDE_CHARS.exec(text)) {
    const at = m.index;
    let s = at;
    while (s > 0 && at - s < NAME_REACH && isForeignNameChar(text, s - 1)) {
      s--;
    }
    let e = at + 1;
    while (e < text.length && e - at < NAME_REACH && isForeignNameChar(text, e)) {
      e++;
    }
    WIDE_CHARS.lastIndex = e;
    if (e - s > NAME_REACH) {
      continue;
    }
    const name = text.slice(s, e);
    let kind = kinds.get(name);
    if (kind === undefined && !kinds.has(name)) {
      kind = credentialKind(name);
      kinds.set(name, kind);
    }
    if (kind !== undefined) {
      const mine: RecallSpan[] = [];
      WIDE_CHARS.lastIndex = Math.max(e, namedValues(text, s, e, kind, false, mine));
      // A value written in CJK alone is an instruction (`密码：请填写你的密码`, "fill in your password"), not one.
      out.push(...mine.filter((v) => !CJK_ONLY.test(text.slice(v.start, v.end))));
    }
  }
};

const WIDE_CHARS = /[\u0080-\uffff]/g;
/** A value of CJK characters and punctuation alone. */
const CJK_ONLY =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\s]+$/u;
/** How far a name reaches either side of the character that brought it. */
const NAME_REACH = 64;
/** A letter, a mark or a digit of any script (a surrogate half, for ideographs past the BMP). */
const OTHER_NAME_CHAR = /[\p{L}\p{M}\p{Nd}\uD800-\uDFFF]/u;

function isForeignNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? isNameChar(c) : OTHER_NAME_CHAR.test(text[i]!);
}
