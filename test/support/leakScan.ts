import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One place a secret was found: the file, the encoding it was found in, and the byte offset. */
export interface LeakHit {
  readonly file: string;
  readonly encoding: 'utf8' | 'utf16le' | 'base64' | 'base64url' | 'hex';
  readonly offset: number;
}

/**
 * The byte patterns a secret can take on disk. Base64 is done for each of the three alignments the
 * secret can have inside a longer encoded blob, trimming the characters that depend on its neighbours.
 */
export function secretNeedles(secret: string): Array<{ encoding: LeakHit['encoding']; bytes: Buffer }> {
  const raw = Buffer.from(secret, 'utf8');
  const needles: Array<{ encoding: LeakHit['encoding']; bytes: Buffer }> = [
    { encoding: 'utf8', bytes: raw },
    { encoding: 'utf16le', bytes: Buffer.from(secret, 'utf16le') },
    { encoding: 'hex', bytes: Buffer.from(raw.toString('hex')) },
  ];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift++) {
      const encoded = Buffer.concat([Buffer.alloc(shift), raw])
        .toString(encoding)
        .replace(/=+$/, '');
      // Characters that mix in a neighbouring byte: ceil(shift*8/6) at the start, up to 2 at the end.
      const head = Math.ceil((shift * 8) / 6);
      const tailBits = ((shift + raw.length) * 8) % 6;
      const core = encoded.slice(head, tailBits === 0 ? encoded.length : encoded.length - 1);
      if (core.length >= 16) {
        needles.push({ encoding, bytes: Buffer.from(core) });
      }
    }
  }
  return needles;
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

/**
 * Searches every regular file under `dirs` (recursively; symlinks are not followed) for `secret` as
 * UTF-8, UTF-16, hex and base64/base64url at any alignment. Returns every hit; an empty array means
 * the secret was written nowhere there. Hits name files and offsets, never the secret.
 */
export async function scanForSecret(dirs: readonly string[], secret: string): Promise<LeakHit[]> {
  if (secret.length < 8) {
    throw new Error('scanForSecret needs a secret of at least 8 characters to avoid chance matches');
  }
  const needles = secretNeedles(secret);
  const hits: LeakHit[] = [];
  for (const dir of dirs) {
    for await (const file of walk(dir)) {
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        continue; // a socket or a file removed mid-walk
      }
      for (const needle of needles) {
        for (let at = content.indexOf(needle.bytes); at >= 0; at = content.indexOf(needle.bytes, at + 1)) {
          hits.push({ file, encoding: needle.encoding, offset: at });
        }
      }
    }
  }
  return hits;
}

/** Counts the files `scanForSecret` looked at, so a test can show its scan was not vacuous. */
export async function countFiles(dirs: readonly string[]): Promise<number> {
  let count = 0;
  for (const dir of dirs) {
    for await (const _ of walk(dir)) {
      count++;
    }
  }
  return count;
}
