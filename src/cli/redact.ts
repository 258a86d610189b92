import { environmentKeys, loadKnownValues } from '../core/known/knownValueSource';
import { redactText } from '../core/pipeline/redact';
import { RedactionMap } from '../core/pipeline/redactionMap';
import { parseOptions } from './args';
import { BinaryFileError, readTextFileSync, readTextStream } from '../core/fs/decodeText';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_OK, UsageError } from './command';

const HELP = `Usage: secure-gpt redact [--json] [FILE|-]

Prints FILE (or stdin) with every secret replaced by a typed placeholder such as ‹secret:github-pat#1›:
the same redaction the outgoing pipeline applies before anything is sent. The same value always gets
the same placeholder. Values of the .env files of the git repository (from its root down, templates
such as .env.example excepted; the current directory outside a repository) and the API keys in the
environment are redacted by exact match too, as are their URL-encoded, base64 and hex copies.

Options:
      --json   print { "text", "redactions": [ { "placeholder", "ruleId", "line", "column" } ] }
               (line and column are 1-based, in the input)
  -h, --help   show this help
`;

/** `secure-gpt redact`: the pipeline's redaction over a file or stdin. */
export const redactCommand: CliCommand = {
  help: HELP,
  run: runRedact,
};

async function runRedact(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean' },
  });
  if (positionals.length > 1) {
    throw new UsageError('takes one FILE (or - for stdin)');
  }
  const source = positionals[0] ?? '-';
  let text: string;
  try {
    text = source === '-' ? await readTextStream(io.stdin, 'stdin') : readTextFileSync(source);
  } catch (error) {
    io.stderr.write(
      error instanceof BinaryFileError
        ? `secure-gpt redact: ${source} is binary, not text\n`
        : `secure-gpt redact: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`,
    );
    return EXIT_ERROR;
  }
  const { values: known, notes } = await loadKnownValues({
    starts: [process.cwd()],
    apiKeys: environmentKeys(io.env),
  });
  notes.forEach((n) => io.stderr.write(`secure-gpt redact: known values: ${n}\n`));
  const result = redactText(text, new RedactionMap(), { known });
  if (values.json) {
    const redactions = result.redactions.map((r) => ({
      placeholder: r.placeholder,
      ruleId: r.ruleId,
      line: r.line + 1,
      column: r.column + 1,
    }));
    io.stdout.write(`${JSON.stringify({ text: result.text, redactions }, null, 2)}\n`);
  } else {
    io.stdout.write(result.text);
  }
  if (result.redactions.length > 0 && !values.json) {
    io.stderr.write(
      `redacted ${result.redactions.length} secret${result.redactions.length === 1 ? '' : 's'}\n`,
    );
  }
  return EXIT_OK;
}
