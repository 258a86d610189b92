import type { CliIo } from './command';
import { EXIT_ERROR, EXIT_OK, isUsageError, wantsHelp } from './command';
import { commands } from './commands';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';

function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`);
  return `Usage: secure-gpt <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'secure-gpt <command> --help' for a command's options.\n`;
}

const defaultIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // On first use only: Node builds `process.stdin` when it is first read (a file or /dev/null stdin loads
  // fs streams, fs/promises and readline, 1.5-2.5 ms), and `scan`, which never reads it, paid for it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
};

/** Runs one CLI invocation and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const entry = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr.write(`secure-gpt: unknown command '${name}'.\n\n${usage()}`);
    return EXIT_ERROR;
  }
  try {
    const command = await entry.load();
    if (wantsHelp(rest)) {
      io.stdout.write(command.help);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr.write(`secure-gpt ${name}: ${error.message}\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
}
