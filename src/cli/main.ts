/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const USAGE = `Usage: secure-gpt <command> [options]

Commands:
  scan [paths...]     find secrets in files (exit 1 when any are found)
  redact [FILE|-]     print text with secrets replaced by placeholders
  ask PROMPT...       ask a model, through the redaction pipeline
  key <set|status|delete|list>   manage the API key in the OS keychain
  lsp --stdio         run the language server for other editors

Run 'secure-gpt <command> --help' for a command's options.
`;

/** Output streams, injectable so tests can capture them. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const defaultIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** Runs one CLI invocation and resolves to its exit code. */
export function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
      io.stdout.write(USAGE);
      return Promise.resolve(command === undefined ? EXIT_ERROR : EXIT_OK);
    case '--version':
      io.stdout.write(`${VERSION}\n`);
      return Promise.resolve(EXIT_OK);
    default:
      io.stderr.write(`secure-gpt: unknown command '${command}' (args: ${rest.length}).\n${USAGE}`);
      return Promise.resolve(EXIT_ERROR);
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';
