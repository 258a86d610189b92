import {
  isCredentialName,
  isPlaceholderValue,
  referenceFallback,
  urlUserinfoSecrets,
} from '../known/credentialName';
import { encodedForms } from '../known/encodedForms';

/** Where a known value comes from; it names the placeholder kind (`‹secret:api-key#1›`). */
export type KnownKind = 'api-key' | 'env-value' | 'listed-value';

/**
 * A value redacted by exact match whatever its shape: the key in use, a workspace `.env` value, a value
 * the user listed. In-process only.
 */
export interface KnownValue {
  readonly kind: KnownKind;
  readonly value: string;
  /** An encoded copy of another known value: it is not encoded again when the list is normalized again. */
  readonly encoded?: true;
}

/** Shortest value the guard takes: shorter ones match too much ordinary text to redact by exact match. */
export const MIN_KNOWN_LENGTH = 6;

/**
 * Parses the `KEY=value` lines of a `.env` file: `export ` prefixes, comments, single, double and back
 * quotes, and `\n` escapes in double quotes. Returns name and value pairs in file order.
 */
export function parseDotenv(text: string): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  const line = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = line.exec(lines[i]!);
    if (!m) {
      continue;
    }
    let raw = m[2]!;
    const quote = raw[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may run over several lines until its closing quote.
      let body = raw.slice(1);
      while (closing(body, quote) === -1 && i + 1 < lines.length) {
        body += '\n' + lines[++i]!;
      }
      const end = closing(body, quote);
      raw = body.slice(0, end === -1 ? body.length : end);
      if (quote === '"') {
        // One pass, so that an escaped backslash before `n` stays a backslash and an `n`.
        raw = raw.replace(/\\([n"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c));
      }
    } else {
      raw = raw.replace(/\s+#.*$/, '').trim();
    }
    out.push([m[1]!, raw]);
  }
  return out;
}

/** Where a quoted value ends: in double quotes, `\"` is an escaped quote, not the end. */
function closing(body: string, quote: string): number {
  for (let at = body.indexOf(quote); at !== -1; at = body.indexOf(quote, at + 1)) {
    let slashes = 0;
    while (quote === '"' && body[at - 1 - slashes] === '\\') {
      slashes++;
    }
    if (slashes % 2 === 0) {
      return at;
    }
  }
  return -1;
}

/**
 * Whether a `.env` value is worth redacting by exact match. Settings like `NODE_ENV=production`,
 * `PORT=3000`, `DEBUG=true` or `API_URL=https://example.com` would redact ordinary words and numbers
 * all over the code, so values that are a plain word, a number, a boolean or a credential-free URL or
 * path are left to the detection engine.
 */
export function isGuardableEnvValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 8) {
    return false;
  }
  if (/^[a-z]+(?:[_-][a-z]+)*$/i.test(v) || /^[\d.,:-]+$/.test(v)) {
    return false;
  }
  if (/^(?:true|false|yes|no|on|off|null|none|undefined)$/i.test(v)) {
    return false;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s?#]*$/i.test(v)) {
    return false; // a URL without user info or query: an address, not a credential
  }
  if (/^(?:\.{0,2}\/|~\/)[\w./-]*$/.test(v)) {
    return false;
  }
  return true;
}

/**
 * The known values of one `.env` file's text. A value whose name is credential-like (`DB_PASSWORD`,
 * `API_KEY_V2`, `SENTRY_DSN`) is guarded whatever its shape unless it is a placeholder or a reference;
 * other values only when they pass the noise filter. URL userinfo secrets are guarded on their own too,
 * since the same password also appears outside its connection string.
 */
export function envKnownValues(text: string): KnownValue[] {
  const out: KnownValue[] = [];
  const add = (value: string): void => {
    out.push({ kind: 'env-value', value });
  };
  for (const [name, raw] of parseDotenv(text)) {
    const value = referenceFallback(raw) ?? raw;
    if (isCredentialName(name)) {
      if (value.trim().length >= MIN_KNOWN_LENGTH && !isPlaceholderValue(value)) {
        add(value);
      }
    } else if (isGuardableEnvValue(value)) {
      add(value);
    }
    for (const part of urlUserinfoSecrets(value)) {
      if (part.length >= MIN_KNOWN_LENGTH && !isPlaceholderValue(part)) {
        add(part);
      }
    }
  }
  return out;
}

/**
 * Drops values too short to guard and duplicates, keeping the first kind given to a value, then adds each
 * value's encoded copies (URL, JSON, hex, base64 at every alignment) under the same kind.
 */
export function normalizeKnownValues(values: Iterable<KnownValue>): KnownValue[] {
  const seen = new Set<string>();
  const out: KnownValue[] = [];
  const derived: KnownValue[] = [];
  for (const known of values) {
    if (known.value.length >= MIN_KNOWN_LENGTH && !seen.has(known.value)) {
      seen.add(known.value);
      out.push(known);
      if (!known.encoded) {
        for (const value of encodedForms(known.value)) {
          derived.push({ kind: known.kind, value, encoded: true });
        }
      }
    }
  }
  for (const known of derived) {
    if (!seen.has(known.value)) {
      seen.add(known.value);
      out.push(known);
    }
  }
  return out;
}
