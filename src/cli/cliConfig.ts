import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../core/config/settings';
import { readSettings } from '../core/config/settings';
import { describeError } from '../core/log';
import { JsonFileError, parseJsonFile } from '../core/jsonFile';

/**
 * The CLI's counterpart of the editor's `secureGpt.*` settings: `$XDG_CONFIG_HOME/secure-gpt/config.json`
 * (default `~/.config/secure-gpt/config.json`), keys without the `secureGpt.` prefix, e.g.
 * `{ "endpoint.allowedHosts": ["api.openai.com"], "budget.dailyTokens": 200000 }`. A missing file means
 * the defaults; bad values fall back to them with a warning.
 */
export async function readCliConfig(
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ settings: Settings; warnings: string[]; file: string }> {
  const configHome = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  const file = env['SECURE_GPT_CONFIG'] || join(configHome, 'secure-gpt', 'config.json');
  const warnings: string[] = [];
  let raw: Record<string, unknown> = {};
  try {
    const parsed = parseJsonFile(await readFile(file, 'utf8'), file);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      raw = parsed as Record<string, unknown>;
    } else {
      warnings.push(`${file}: expected a JSON object; using the defaults`);
    }
  } catch (error) {
    if (error instanceof JsonFileError) {
      warnings.push(`${error.message}; using the defaults`);
    } else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      warnings.push(`${file}: ${describeError(error)}; using the defaults`);
    }
  }
  const { settings, problems } = readSettings((key) => raw[key] ?? raw[`secureGpt.${key}`]);
  return { settings, warnings: [...warnings, ...problems.map((p) => `${file}: ${p.message}`)], file };
}
