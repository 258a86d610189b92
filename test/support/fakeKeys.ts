import { ALNUM, BASE64URL, HEX, randomToken } from '../../src/core/detect/random';

// The marker OpenAI puts in the middle of its keys (base64 of "OpenAI"), so generated keys have the real shape.
const MARK = 'T3BlbkFJ';

/** A fresh, random OpenAI-shaped project key, built at test time (the repo holds no key-shaped literal). */
export function freshOpenAiKey(): string {
  return ['sk', 'proj', randomToken(BASE64URL, 74) + MARK + randomToken(BASE64URL, 74)].join('-');
}

/** A fresh, random key in the legacy OpenAI shape (`sk-` and 48 alphanumerics around the marker). */
export function freshLegacyOpenAiKey(): string {
  return ['sk', randomToken(ALNUM, 20) + MARK + randomToken(ALNUM, 20)].join('-');
}

/** A fresh, random Azure OpenAI-shaped key (32 hexadecimal characters). */
export function freshAzureKey(): string {
  return randomToken(HEX, 32);
}
