import type { ProfileKind } from './profiles';

/** The result of cleaning up what a user pasted or piped: the key, or why it was refused. */
export type KeyInput =
  { readonly ok: true; readonly key: string } | { readonly ok: false; readonly reason: string };

/** Longest key accepted; real provider keys are well under this, a pasted file is not. */
export const MAX_KEY_LENGTH = 1024;

/**
 * Trims whitespace and newlines around a pasted key and refuses input that cannot be a key: empty,
 * several lines, inner spaces, control characters, or far too long. Reasons never quote the input.
 */
export function normalizeKeyInput(raw: string): KeyInput {
  const key = raw.trim();
  if (key.length === 0) {
    return { ok: false, reason: 'The key is empty: paste the whole key.' };
  }
  if (/[\r\n]/.test(key)) {
    return { ok: false, reason: 'The input holds more than one line: paste only the key.' };
  }
  if (/\s/.test(key)) {
    return { ok: false, reason: 'The key contains spaces: paste only the key, without quotes or labels.' };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being refused
  if (/[\u0000-\u001f\u007f]/.test(key)) {
    return { ok: false, reason: 'The key contains control characters.' };
  }
  if (key.length > MAX_KEY_LENGTH) {
    return { ok: false, reason: `The input is ${key.length} characters long, too long for an API key.` };
  }
  return { ok: true, key };
}

// OpenAI keys: `sk-`, an optional kind tag (project, service account, admin, user), then a long token.
const OPENAI_KEY = /^sk-(?:(?:proj|svcacct|service|admin|None)-)?[A-Za-z0-9_-]{20,}$/;
// Azure OpenAI resource keys: 32 hex characters (classic) or 84 alphanumerics (newer resources).
const AZURE_KEY = /^(?:[0-9a-f]{32}|[A-Za-z0-9]{84})$/i;

/**
 * A warning when a key does not have the shape its provider uses, or undefined when it does. A
 * warning, never a refusal: providers change formats, and proxies issue their own keys.
 */
export function checkKeyFormat(kind: ProfileKind, key: string): string | undefined {
  switch (kind) {
    case 'openai':
      if (/^sk-ant-/.test(key)) {
        return 'This looks like an Anthropic key, not an OpenAI key.';
      }
      return OPENAI_KEY.test(key)
        ? undefined
        : 'This does not look like an OpenAI key (expected "sk-" followed by a long token).';
    case 'azure':
      return AZURE_KEY.test(key)
        ? undefined
        : 'This does not look like an Azure OpenAI key (expected 32 hexadecimal or 84 alphanumeric characters).';
    case 'compatible':
    case 'dry-run':
      // Local servers accept anything (often a dummy word), so there is no shape to check.
      return undefined;
  }
}

// Prefixes that name a key type and say nothing about the secret part, so showing them is safe.
const PUBLIC_PREFIXES = ['sk-proj-', 'sk-svcacct-', 'sk-service-', 'sk-admin-', 'sk-None-', 'sk-'];

/**
 * Masks a key for display as `sk-…AbCd`: a known public prefix, an ellipsis, and the last four
 * characters. Keys shorter than 16 characters show no tail at all, since four characters of a short
 * key are too large a share of it.
 */
export function maskKey(key: string): string {
  const prefix = PUBLIC_PREFIXES.find((p) => key.startsWith(p) && key.length >= p.length + 16) ?? '';
  const tail = key.length >= 16 ? key.slice(-4) : '';
  return `${prefix}…${tail}`;
}

/** Replaces every occurrence of `key` in `text` by its mask, for messages that might echo it back. */
export function maskKeyIn(text: string, key: string): string {
  return key.length === 0 ? text : text.split(key).join(maskKey(key));
}
