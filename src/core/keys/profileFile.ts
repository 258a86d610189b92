import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { JsonFileError, parseJsonFile } from '../jsonFile';
import { describeError } from '../log';
import type { ProfileSet } from './profiles';
import { DEFAULT_PROFILE_NAME, parseProfiles } from './profiles';

/** The CLI's profiles: the same shape as the `secureGpt.profiles` setting, plus the default profile's name. */
export interface CliProfiles extends ProfileSet {
  readonly defaultProfile: string;
  /** The file they came from, or undefined when there is none. */
  readonly file: string | undefined;
}

/**
 * Where the CLI's profiles live: `$SECURE_GPT_PROFILES`, else `$XDG_CONFIG_HOME/secure-gpt/profiles.json`
 * (default `~/.config/secure-gpt/profiles.json`). The file holds no key, only endpoints and names.
 */
export function profilesFilePath(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = env['SECURE_GPT_PROFILES'];
  if (explicit) {
    return explicit;
  }
  const configHome = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(configHome, 'secure-gpt', 'profiles.json');
}

/**
 * Reads the CLI's profiles file. The file is `{ "profile": "name", "profiles": [...] }` or just the
 * array. A missing file means the built-in profiles; an unreadable one is a problem, not a crash.
 * `$SECURE_GPT_PROFILE` overrides the default profile's name.
 */
export async function readCliProfiles(
  env: Readonly<Record<string, string | undefined>>,
): Promise<CliProfiles> {
  const file = profilesFilePath(env);
  let raw: unknown;
  let present = true;
  const problems: string[] = [];
  try {
    raw = parseJsonFile(await readFile(file, 'utf8'), file);
  } catch (error) {
    present = false;
    if (error instanceof JsonFileError) {
      problems.push(error.message);
    } else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      problems.push(`${file}: ${describeError(error)}`);
    }
  }
  const record =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : undefined;
  const set = parseProfiles(record ? record['profiles'] : raw);
  const named = record?.['profile'];
  const defaultProfile =
    env['SECURE_GPT_PROFILE'] || (typeof named === 'string' ? named : DEFAULT_PROFILE_NAME);
  return {
    profiles: set.profiles,
    problems: [...problems, ...set.problems.map((p) => `${file}: ${p}`)],
    defaultProfile,
    file: present ? file : undefined,
  };
}
