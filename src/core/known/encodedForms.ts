/**
 * The copies of a known value that code and configs carry in place of the value itself. Each is redacted
 * and guarded as a known value of the same kind, so exact matching covers them with no decoding pass.
 */

/** Shortest derived form taken: a shorter run of base64 or hex turns up by chance in ordinary text. */
export const MIN_ENCODED_LENGTH = 8;

/**
 * The encoded forms of `value`, without `value` itself: URL-encoded (`%40`, and `+` for spaces), JSON-escaped,
 * hex (both cases), base64 standard and url-safe without padding (so a padded copy matches too), and the part
 * of its base64 that does not depend on what precedes it when it is embedded in a longer base64 string at
 * each of the three byte alignments. The last covers `Basic base64(user:value)` for any user, and a value
 * inside a base64-encoded config or kubeconfig field.
 */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  const url = encodeURIComponent(value);
  forms.add(url);
  forms.add(url.replace(/%20/g, '+'));
  // encodeURIComponent leaves !'()* alone; some encoders escape them too.
  forms.add(url.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`));
  forms.add(JSON.stringify(value).slice(1, -1));
  const hex = bytes.toString('hex');
  forms.add(hex);
  forms.add(hex.toUpperCase());
  for (const b64 of base64Both(bytes)) {
    forms.add(b64);
  }
  for (let skip = 0; skip < 3; skip++) {
    // `skip` bytes of the value complete the group the preceding data left open; the rest start fresh groups.
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole > 0) {
      for (const b64 of base64Both(bytes.subarray(skip, skip + whole))) {
        forms.add(b64);
      }
    }
  }
  forms.delete(value);
  return [...forms].filter((f) => f.length >= MIN_ENCODED_LENGTH);
}

function base64Both(bytes: Buffer): string[] {
  const standard = bytes.toString('base64').replace(/=+$/, '');
  return [standard, standard.replace(/\+/g, '-').replace(/\//g, '_')];
}
