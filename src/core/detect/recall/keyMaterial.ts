import type { RecallDetector, RecallSpan } from './recallSpan';

/**
 * Private key material without a PEM armour:
 * - a JSON Web Key's private members (`"d"`, RSA's `"p"`, `"q"`, `"dp"`, `"dq"`, `"qi"`, a symmetric key's
 *   `"k"`) in a text that says `"kty"`; the public `"n"`, `"e"`, `"x"`, `"y"` stay;
 * - a DER private key or PKCS#12 bundle in base64 (`MII…`, as GitHub's signing guides store a `.p12` in a
 *   secret, or `base64.b64decode("MII…")`): its first bytes are a SEQUENCE and then a version INTEGER of 0, 1
 *   or 3 (PKCS#1, PKCS#8, SEC 1, PKCS#12); a certificate's are a SEQUENCE and another SEQUENCE, and stay;
 * - a PEM body with neither its BEGIN nor its END line (a selection from the middle of a key file): four or more
 *   lines of exactly 64 base64 characters (70 for an OpenSSH key), and the shorter last line. Nothing tells
 *   such a cut from a certificate's, so it is hidden, unless its first line is a body's first and reads as
 *   a certificate's DER, or it lies between a BEGIN and an END line (an armoured block: wrappedPem.ts reads
 *   it), or its lines are hex digits (a list of hashes), or an XML signature's certificate or value opens
 *   on the line before (`<X509Certificate>MII…`).
 */

const JWK_PRIVATE = /"(?:d|p|q|dp|dq|qi|k)"[ \t]{0,4}:[ \t]{0,4}"([A-Za-z0-9_-]{16,4096})"/g;
/**
 * A base64 run that may be DER: `M` then a SEQUENCE's length (`MI…`, `MH…` for the long and the longer short
 * forms; `MC4…`, Ed25519's and X25519's PKCS#8, for the shortest), 64 characters or more.
 */
const DER = /(?<![A-Za-z0-9+/])M[A-P][A-Za-z0-9+/]{62,}={0,2}(?![A-Za-z0-9+/=])/g;

export const findKeyMaterial: RecallDetector = (text, out) => {
  if (text.includes('"kty"')) {
    for (const m of text.matchAll(JWK_PRIVATE)) {
      const start = m.index + m[0].length - 1 - m[1]!.length;
      out.push({ start, end: start + m[1]!.length, kind: 'private-key' });
    }
  }
  // A key's wrapped lines are read once: a line a key's span already took starts no other (a text of many
  // such lines stays linear).
  let covered = 0;
  for (const m of text.matchAll(DER)) {
    if (m.index >= covered && isPrivateDer(m[0])) {
      covered = wrappedEnd(text, m.index + m[0].length, m[0].length);
      out.push({ start: m.index, end: covered, kind: 'private-key' });
    }
  }
  bareBodies(text, out);
};

/** The widths of a PEM body's lines: 64 (RFC 7468), 70 (OpenSSH's private key). */
const WIDTHS = [64, 70];
/** The fewest full lines a bare body is taken at: three 64-character lines are 144 bytes, a small key's third. */
const MIN_LINES = 4;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
/** An XML signature's certificate, signature or digest opening on the line before: public, not a key. */
const SIGNED_XML = /<(?:[\w.-]{1,16}:)?(?:X509Certificate|SignatureValue|DigestValue)\b/;
/** A line of hex digits only: a list of hashes (`blocked.certs`), not base64. */
const HEX = /^[0-9A-Fa-f]+$/;

/** Runs of full-width base64 lines, the last line of a run possibly shorter, hidden whole (see above). */
function bareBodies(text: string, out: RecallSpan[]): void {
  let run: { start: number; end: number; width: number; lines: number; first: string } | undefined;
  const close = (): void => {
    if (run !== undefined && run.lines >= MIN_LINES && !isCertificateHead(run.first)) {
      out.push({ start: run.start, end: run.end, kind: 'private-key' });
    }
    run = undefined;
  };
  let armoured = false; // inside a BEGIN … END block, headers and all: wrappedPem.ts reads those
  let signed = false; // inside an XML signature's certificate or value, until a line that is not base64
  // The last line's bounds, two numbers rather than a pair made per line (100 KB of garbage a 100 KB text):
  // an XML signature may open on it.
  let previousFrom = 0;
  let previousEnd = 0;
  for (let from = 0; from < text.length;) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let start = from;
    while (start < lineEnd && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) {
      start++;
    }
    const width = lineEnd - start;
    const beforeFrom = previousFrom;
    const beforeEnd = previousEnd;
    previousFrom = from;
    previousEnd = lineEnd;
    from = end + 1;
    if (
      text.charCodeAt(start) === 45 &&
      (text.startsWith('-----BEGIN ', start) || text.startsWith('-----END ', start))
    ) {
      close();
      armoured = text.startsWith('-----BEGIN ', start);
      continue;
    }
    // Most lines: no run to extend, and too short or too long to start one. Nothing else is read of them.
    if (armoured || (run === undefined && !signed && !WIDTHS.includes(width))) {
      continue;
    }
    const body = text.slice(start, lineEnd);
    const base64 = width > 0 && BASE64_LINE.test(body);
    if (signed && base64) {
      continue;
    }
    signed = false;
    const full = WIDTHS.includes(width) && base64 && !HEX.test(body);
    if (run !== undefined && full && width === run.width) {
      run.end = lineEnd;
      run.lines++;
    } else if (run !== undefined && width > 0 && width < run.width && base64) {
      run.end = lineEnd; // the body's last, shorter line ends the run
      close();
    } else {
      close();
      if (full && SIGNED_XML.test(text.slice(beforeFrom, beforeEnd))) {
        signed = true;
      } else if (full) {
        run = { start, end: lineEnd, width, lines: 1, first: body };
      }
    }
  }
  close();
}

/** The widths base64 is wrapped at: PEM's 64, OpenSSH's 70, MIME's 76. */
const WRAPS = [64, 70, 76];

/**
 * Where a DER key's base64 ends when its first line, ending at `end`, is `width` wide and wrapped: the
 * lines after it of that width, indented or not, and a last shorter one. A P-256 key is two full lines
 * and a short one, too few for a bare body (`MIN_LINES`), and a P-384 key's scalar runs onto its second
 * line: only the first was hidden (hunt K's EC keys pasted without their headers).
 */
function wrappedEnd(text: string, end: number, width: number): number {
  if (!WRAPS.includes(width)) {
    return end;
  }
  let last = end;
  for (let from = end; text.charCodeAt(from) === 10 || text.startsWith('\r\n', from);) {
    from += text.charCodeAt(from) === 13 ? 2 : 1;
    const nl = text.indexOf('\n', from);
    let lineEnd = nl === -1 ? text.length : nl;
    lineEnd -= lineEnd > from && text.charCodeAt(lineEnd - 1) === 13 ? 1 : 0;
    let start = from;
    while (start < lineEnd && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) {
      start++;
    }
    const line = text.slice(start, lineEnd);
    if (line.length === 0 || line.length > width || !BASE64_LINE.test(line)) {
      break;
    }
    last = lineEnd;
    if (line.length < width) {
      break;
    }
    from = lineEnd;
  }
  return last;
}

/** Whether a body's first line starts a certificate's DER: a SEQUENCE holding a SEQUENCE (`MIIE…CCA`). */
function isCertificateHead(line: string): boolean {
  const head = derHead(line);
  return head !== undefined && head.bytes[head.at] === 0x30;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Whether the DER that `b64` starts with is a private key's or a PKCS#12 bundle's (see above). */
function isPrivateDer(b64: string): boolean {
  const head = derHead(b64);
  if (head === undefined) {
    return false;
  }
  const { bytes, at } = head;
  return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && [0, 1, 3].includes(bytes[at + 2]!);
}

/**
 * The first 18 bytes of the base64 DER `b64` and where the outer SEQUENCE's first element starts (past its
 * length), or undefined when it opens with no SEQUENCE.
 */
function derHead(b64: string): { bytes: number[]; at: number } | undefined {
  const bytes: number[] = [];
  for (let i = 0; i + 3 < 24 && i + 3 < b64.length; i += 4) {
    const v = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | ALPHABET.indexOf(b64[i + k]!), 0);
    bytes.push((v >> 16) & 255, (v >> 8) & 255, v & 255);
  }
  if (bytes[0] !== 0x30) {
    return undefined;
  }
  const first = bytes[1]!;
  return { bytes, at: first & 0x80 ? 2 + (first & 0x7f) : 2 };
}
