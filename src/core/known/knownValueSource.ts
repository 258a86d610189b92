import { readFile } from 'node:fs/promises';
import type { KnownValue } from '../pipeline/knownValues';
import { envKnownValues, normalizeKnownValues } from '../pipeline/knownValues';
import type { EnvSearchLimits } from './envFiles';
import { DEFAULT_ENV_LIMITS, envSearchRoot, errorCode, findEnvFiles, where } from './envFiles';

/** Where the known values of one workspace come from. */
export interface KnownValueSources {
  /**
   * Directories the workspace starts at (the CLI's working directory, the editor's folders). Each is
   * searched from its git root down (see `envSearchRoot`).
   */
  readonly starts: readonly string[];
  /** The keys in use (the provider's key, keys found in the environment). */
  readonly apiKeys?: readonly string[];
  /** Values the user listed to be redacted wherever they appear. */
  readonly listed?: readonly string[];
  readonly limits?: EnvSearchLimits;
}

/** A workspace's known values, normalized (encoded copies included), and what could not be read. */
export interface LoadedKnownValues {
  readonly values: readonly KnownValue[];
  /** Secret-free lines for a log or stderr: a path and an error code, or a bound that was reached. */
  readonly notes: readonly string[];
  /** The env files read, for a log line. */
  readonly files: readonly string[];
}

/**
 * The one place `.env` values are read: every env file from each start's git root down (nested, local
 * and per-environment files; templates and dependency trees excepted), plus the keys in use and the
 * values the user listed. The guard is a second line behind detection: what cannot be read is noted and
 * skipped, never a reason to fail.
 */
export async function loadKnownValues(sources: KnownValueSources): Promise<LoadedKnownValues> {
  const roots = [...new Set(sources.starts.map(envSearchRoot))].sort();
  const search = await findEnvFiles(roots, sources.limits ?? DEFAULT_ENV_LIMITS);
  const notes = [...search.notes];
  const values: KnownValue[] = [
    ...(sources.apiKeys ?? []).map((value) => ({ kind: 'api-key' as const, value })),
    ...(sources.listed ?? []).map((value) => ({ kind: 'listed-value' as const, value })),
  ];
  for (const file of search.files) {
    try {
      values.push(...envKnownValues(await readFile(file, 'utf8')));
    } catch (error) {
      const root = roots.find((r) => file.startsWith(r)) ?? roots[0]!;
      notes.push(`cannot read ${where(root, file)} (${errorCode(error)})`);
    }
  }
  return { values: normalizeKnownValues(values), notes, files: search.files };
}

/** Provider keys held in the environment: they must never be echoed into a prompt either. */
export function environmentKeys(env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  for (const name of ['OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY']) {
    const value = env[name]?.trim();
    if (value) {
      out.push(value);
    }
  }
  return out;
}
