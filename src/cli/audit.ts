import { AuditLog } from '../core/audit/auditLog';
import { cliAuditDir } from '../core/statePaths';
import { parseOptions } from './args';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from './command';

const HELP = `Usage: secure-gpt audit <verify|show|path> [--dir DIR] [--json]

The audit log holds one hash-chained record per request: time, profile, endpoint host, model, usage,
outcome, the rule ids and counts redacted, excluded files and the sha256 of the payload. Never a key,
a secret, or prompt text.

  verify   check every record's hash and link; exit 1 naming the first edited, removed or
           reordered record
  show     print the records (a table, or JSON lines with --json)
  path     print where the log is

Options:
  --dir DIR   the log's directory (default: $SECURE_GPT_AUDIT_DIR, else $XDG_STATE_HOME/secure-gpt,
              ~/.local/state/secure-gpt)
  --json      with show: print the records as JSON lines
`;

/** `secure-gpt audit`: verify and read the tamper-evident audit log. */
export const auditCommand: CliCommand = {
  help: HELP,
  run: (args, io) => runAudit(args, io),
};

async function runAudit(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    dir: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, ...extra] = positionals;
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument '${extra[0]}'`);
  }
  const log = new AuditLog(values.dir ?? cliAuditDir(io.env));
  switch (action) {
    case 'verify': {
      const result = await log.verify();
      if (result.ok) {
        io.stdout.write(`audit log OK: ${result.records} record(s) verified (${log.file})\n`);
        return EXIT_OK;
      }
      const which =
        result.seq !== undefined ? `record ${result.seq} (line ${result.line})` : `line ${result.line}`;
      io.stderr.write(`audit log FAILED at ${which}: ${result.reason} (${log.file})\n`);
      return EXIT_FINDINGS;
    }
    case 'show': {
      const records = await log.read();
      if (values.json) {
        for (const r of records) {
          io.stdout.write(JSON.stringify(r) + '\n');
        }
        return EXIT_OK;
      }
      for (const r of records) {
        const redacted = Object.entries(r.redactions ?? {})
          .map(([rule, n]) => `${rule}×${n}`)
          .join(',');
        const cols = [
          r.seq,
          r.time,
          r.kind,
          r.profile,
          r.endpointHost ?? '-',
          r.model ?? '-',
          r.outcome,
          r.usage?.total ?? '-',
          redacted || '-',
        ];
        io.stdout.write(cols.join('\t') + '\n');
      }
      return EXIT_OK;
    }
    case 'path':
      io.stdout.write(`${log.file}\n`);
      return EXIT_OK;
    case undefined:
      io.stderr.write(HELP);
      return EXIT_ERROR;
    default:
      throw new UsageError(`unknown action '${action}' (verify, show or path)`);
  }
}
