import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';

/** A fresh GitHub personal access token with a valid checksum, built at test time (the repo holds none). */
export function freshToken(prefix = 'ghp'): string {
  return githubToken(prefix, randomToken(ALNUM, 30));
}

/** Makes a temp directory holding `files` (text, or a Buffer written as is); `.git/` makes it a repo root. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sgpt-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** An environment of its own under `dir` (home, config and state there) with a made-up OpenAI key, fresh unless given. */
export function isolatedEnv(
  dir: string,
  key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-'),
): NodeJS.ProcessEnv {
  return {
    OPENAI_API_KEY: key,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
  };
}

/** Asserts helper: true when none of `secrets` appears anywhere in `outputs`. */
export function leaksNone(secrets: readonly string[], ...outputs: readonly string[]): boolean {
  return secrets.every((secret) => outputs.every((out) => !out.includes(secret)));
}
