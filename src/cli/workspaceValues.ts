import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownValue } from '../core/pipeline/knownValues';
import { envKnownValues } from '../core/pipeline/knownValues';

/** Templates hold placeholders meant to be shared, not values: guarding them would only add noise. */
const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

/**
 * The known values of a workspace for the guard: every value worth guarding in the `.env*` files at its
 * root, except templates. Unreadable files are skipped: the guard is a second line behind detection.
 */
export function workspaceKnownValues(root: string): KnownValue[] {
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith('.env') && !TEMPLATE.test(name));
  } catch {
    return [];
  }
  const out: KnownValue[] = [];
  for (const name of names.sort()) {
    try {
      out.push(...envKnownValues(readFileSync(join(root, name), 'utf8')));
    } catch {
      // A directory named .env*, or a file we may not read.
    }
  }
  return out;
}

/** Keys in the environment are known values too: they must never be echoed into a prompt either. */
export function environmentKnownValues(env: NodeJS.ProcessEnv): KnownValue[] {
  const out: KnownValue[] = [];
  for (const name of ['OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY']) {
    const value = env[name]?.trim();
    if (value) {
      out.push({ kind: 'api-key', value });
    }
  }
  return out;
}
