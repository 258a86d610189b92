import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
/** What `parseOptions` gives for `options`, named so that the declaration build can write it out. */
export type ParsedOptions<T extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

/**
 * `util.parseArgs` in strict mode with positionals, its errors turned into `UsageError` (exit 2 with the
 * message on stderr). Node 20's parseArgs has no `--no-x` negation, so declare such flags by their full name.
 */
export function parseOptions<T extends OptionsConfig>(args: readonly string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node appends a hint about `--` that reads as noise for a mistyped option; keep the first sentence.
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
};

/** Parses a byte size such as `1048576`, `512k`, `1m` or `1.5MB` (binary units); throws `UsageError` naming `option`. */
export function parseSize(value: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'invalid'];
  if (!match || unit === undefined) {
    throw new UsageError(`${option}: '${value}' is not a size (use bytes, or a k, m or g suffix: 512k, 1m)`);
  }
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes <= 0) {
    throw new UsageError(`${option}: must be greater than zero`);
  }
  return bytes;
}

/** Checks `value` is one of `choices`; throws `UsageError` listing them. */
export function parseChoice<C extends string>(value: string, choices: readonly C[], option: string): C {
  if ((choices as readonly string[]).includes(value)) {
    return value as C;
  }
  throw new UsageError(`${option}: '${value}' is not one of ${choices.join(', ')}`);
}

/** Formats a byte count for people: `512 B`, `3.4 KB`, `12.0 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 ** 2) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
