/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Streams a command writes to and reads from, injectable so tests can capture them. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  /** Environment the command sees (keys, XDG dirs, proxies). */
  readonly env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  readonly isTty: boolean;
}

/** One `secure-gpt` subcommand (its usage line is in commands.ts, which loads it). */
export interface CliCommand {
  /** Printed on stdout, exit 0, for `-h` or `--help` anywhere before `--` (the dispatcher does it for all). */
  readonly help: string;
  /** Runs with the arguments after the command name and resolves to an exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** A usage error: printed with the command's help, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Whether `error` is a `UsageError`. By name, not `instanceof`: each subcommand is bundled on its own
 * (see commands.ts) with its own copy of this class, so the dispatcher's class is not the thrower's.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}

/** Whether the arguments ask for help: `-h` or `--help` before any `--`. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}
