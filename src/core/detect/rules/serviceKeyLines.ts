import type { Segment, Shape } from './serviceKeyText';
import { CLASS_CHARS, isDotted } from './serviceKeyText';

// The service key table's line format (see `serviceKeysAtoF.ts`): a service's shown name, its words and the
// shapes of its credential's parts. `serviceKeyTable.ts` indexes the parsed lines and reads text with them.

/** One part of a service's credential: its shape, and whether it is the secret (an id is not). */
export interface Part {
  readonly shape: Shape;
  readonly secret: boolean;
  /**
   * Written `+` after a one-segment shape (`a32+`): the value may also run on past its length, by at most
   * `RUN_ON` characters of its class, when a credential word stands between the service's word and it (see
   * `ServiceKeyIndex.runsOn` in serviceKeyTable.ts). Kingfisher's rules read values so: no boundary ends them.
   */
  readonly runsOn?: true;
}

/**
 * One line of the table: a service's shown name, its words, and the parts its detector needs. A value
 * is reported when it has the shape of a secret part and every other part is found near it too.
 */
export interface ServiceEntry {
  readonly provider: string;
  readonly words: readonly string[];
  readonly parts: readonly Part[];
  /**
   * The service's word is an everyday one (`coda`, `swell`, `privacy`): it names a value only as part of a
   * credential name right before it (`coda_token: "…"`, `swell token = '…'`) or as the word itself right
   * before it (`mite '…'`), never from the line before.
   */
  readonly named: boolean;
}

/**
 * Parses table lines `Provider word[,word] part…`, where a part is a shape (`l32`, `a20..40`, `h8-h4-h12`,
 * `l4_a27`, `h8.h35`: segments joined by `-`, `_` or `.`), `&` before an id's. Words written `@word` name
 * a value only in a credential name or right before it (see `ServiceEntry.named`).
 */
export function parseTable(text: string): ServiceEntry[] {
  const out: ServiceEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const [provider, words, ...parts] = line.split(/\s+/);
    if (provider === undefined || words === undefined || !parts.some((p) => !p.startsWith('&'))) {
      throw new Error(`service key table: malformed line "${line}"`);
    }
    out.push({
      provider,
      words: words.replace(/^@/, '').split(','),
      parts: parts.map(parsePart),
      named: words.startsWith('@'),
    });
  }
  return out;
}

function parsePart(part: string): Part {
  const secret = !part.startsWith('&');
  const runsOn = part.endsWith('+');
  const shape = parseShape(part.slice(secret ? 0 : 1, runsOn ? -1 : undefined));
  if (runsOn && (!secret || shape.length !== 1 || isDotted(shape))) {
    throw new Error(`service key table: only a secret of one segment can run on ("${part}")`);
  }
  return runsOn ? { shape, secret, runsOn } : { shape, secret };
}

function parseShape(shape: string): Segment[] {
  const out: Segment[] = [];
  // A segment, then the character that joins the next one; `..` inside a segment is its length range.
  const SEGMENT = /([a-zA-Z])(\d+)(?:\.\.(\d+))?([-_.](?=[a-zA-Z]))?/y;
  let join: Segment['join'];
  for (let at = 0; at < shape.length;) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(shape);
    if (m === null || CLASS_CHARS[m[1]!] === undefined) {
      throw new Error(`service key table: bad shape "${shape}"`);
    }
    const min = Number(m[2]);
    out.push({ cls: m[1]!, min, max: m[3] === undefined ? min : Number(m[3]), ...(join ? { join } : {}) });
    join = m[4] as Segment['join'];
    at = SEGMENT.lastIndex;
  }
  if (out.length === 0 || join !== undefined) {
    throw new Error(`service key table: bad shape "${shape}"`);
  }
  return out;
}
