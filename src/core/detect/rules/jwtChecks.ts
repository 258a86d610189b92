import { lineStart } from '../lineBounds';
import { decodeBase64, parseJsonObject } from './valueChecks';

// What makes a JWT-shaped value a JWT at the report tier: a header that decodes to JSON naming an
// algorithm, a signature as long as that algorithm makes, and claims that decode to JSON, or else a
// credential word naming the value on its line.

/**
 * Signature lengths in base64url characters that each algorithm gives (RFC 7518): an HMAC is as long as
 * its hash, an ECDSA signature two coordinates, Ed25519 64 bytes. RSA's depends on the key, at least 1,024
 * bits (171 characters) in any JWT library. A signature of another length was typed, cut or made up.
 */
const SIGNATURE_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  HS256: [43],
  HS384: [64],
  HS512: [86],
  ES256: [86],
  ES256K: [86],
  ES384: [128],
  ES512: [176],
  EDDSA: [86],
  ED25519: [86],
};
const RSA_ALG = /^(?:RS|PS)(?:256|384|512)$/;
const RSA_MIN_SIGNATURE = 171;

function signatureFits(alg: string, signature: string): boolean {
  const a = alg.toUpperCase();
  const lengths = SIGNATURE_LENGTHS[a];
  if (lengths) {
    return lengths.includes(signature.length);
  }
  return !RSA_ALG.test(a) || signature.length >= RSA_MIN_SIGNATURE;
}

/** The header of a JWT-shaped value (`eyJ….….…`) when it decodes to a JSON object. */
export function jwtHeader(token: string): Record<string, unknown> | undefined {
  return parseJsonObject(decodeBase64(token.split('.', 1)[0] ?? ''));
}

/** The last header read and its algorithm: a file's tokens share their header (one issuer, one algorithm). */
let lastHead = '';
let lastAlg: unknown;

/** The `alg` a JWT's header names, if it decodes to a JSON object. */
function algOf(head: string): unknown {
  if (head !== lastHead) {
    lastHead = head;
    lastAlg = parseJsonObject(decodeBase64(head))?.['alg'];
  }
  return lastAlg;
}

/** Claims that are not the jwt.io sample's or a Supabase `anon` key's (public by design, shipped to browsers). */
function publishedSample(claims: Record<string, unknown> | undefined): boolean {
  return claims?.['name'] === 'John Doe' || claims?.['role'] === 'anon';
}

/**
 * A header that decodes to JSON naming an algorithm other than `none`: what the JWT rule asks of every value.
 * Its signature and claims are judged in context (`jwtNamed`).
 */
export function jwtHeaderOk(token: string): boolean {
  const alg = algOf(token.split('.', 1)[0] ?? '');
  return typeof alg === 'string' && alg.toLowerCase() !== 'none';
}

/**
 * A JWT whose header decodes to JSON naming an algorithm, with a signature as long as that algorithm
 * makes; documented examples and public keys drop out.
 */
export function jwtOk(token: string): boolean {
  const [head = '', body = '', signature = ''] = token.split('.');
  const alg = algOf(head);
  return (
    typeof alg === 'string' &&
    alg.toLowerCase() !== 'none' &&
    signatureFits(alg, signature) &&
    !publishedSample(parseJsonObject(decodeBase64(body)))
  );
}

/** How far back on its line a credential word may name a JWT whose claims are not JSON. */
const NAME_REACH = 64;
/** A word that names a credential: `token = '…'`, `apiKey := "…"`, `Bearer …`, `"formio_secret": "…"`. */
const CREDENTIAL_WORD = /token|key|secret|auth|bearer|jwt|pass|cred|session|cookie/i;

/**
 * Claims a signed JWT carries are JSON (RFC 7519; a JWE, which may hide them, has five parts, not
 * three), and its signature is as long as its algorithm makes. Such a token is reported wherever it is.
 * One whose middle part is not JSON, whose signature is of another length or missing (a peer's fixture, a
 * truncated or unsigned paste) is reported only where a credential word on its line names it
 * (`ACCESS_TOKEN=…`, `web3 access key …`), as any opaque token would be: the generic rules leave a value
 * that opens with `eyJ` to this rule, so it must take there what they would. The redact tier hides it
 * either way. The claims are decoded once, and only for a token that reaches them (a line of JWT-shaped
 * values with no credential word and misfit signatures pays for the header alone).
 */
export function jwtNamed(text: string, start: number, token: string): boolean {
  const [head = '', body = '', signature = ''] = token.split('.');
  const alg = algOf(head);
  const fits = typeof alg === 'string' && signatureFits(alg, signature);
  const named = (): boolean => CREDENTIAL_WORD.test(text.slice(lineStart(text, start, NAME_REACH), start));
  if (!fits && !named()) {
    return false;
  }
  const claims = parseJsonObject(decodeBase64(body));
  if (publishedSample(claims)) {
    return false;
  }
  // A fitting signature over JSON claims stands alone; anything else was read here only under its name.
  return (fits && claims !== undefined) || !fits || named();
}

/**
 * A JWT-shaped value (`eyJ….….…`) whose header reads as JSON text and does not parse
 * (`{"alg":"HS256","typ%…`): a token edited by hand, the way the peers write a JWT rule's near miss. No
 * library issues one, so the JWT rule refuses it, and the rules that take any opaque token (a generic
 * name, a bearer header) leave it too. A header of random bytes (`eyJZoGPp…`) is no JWT at all, only an
 * opaque token that opens with those letters, and stays theirs.
 */
export function jwtLookAlike(value: string): boolean {
  if (!/^eyJ[A-Za-z0-9_-]{4,2000}\.[A-Za-z0-9_-]{1,8000}\.[A-Za-z0-9_-]{0,1400}$/.test(value)) {
    return false;
  }
  // Its first characters, or all of a header cut that short (`eyJhbGciOi`, `{"alg":"`), read as text.
  const head = decodeBase64(value.split('.', 1)[0] ?? '');
  return (
    head !== undefined &&
    /^\{"[\x20-\x7e]{0,10}/.exec(head)?.[0].length === Math.min(head.length, 12) &&
    parseJsonObject(head) === undefined
  );
}
