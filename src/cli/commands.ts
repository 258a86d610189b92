import { askCommand } from './ask';
import { auditCommand } from './audit';
import type { CliCommand } from './command';
import { keyCommand } from './key';
import { lspCommand } from './lsp';
import { redactCommand } from './redact';
import { scanCommand } from './scan';

/**
 * Every subcommand, by name. Adding a command is one line here plus its own file in src/cli/.
 */
export const commands: Readonly<Record<string, CliCommand>> = {
  scan: scanCommand,
  lsp: lspCommand,
  audit: auditCommand,
  ask: askCommand,
  redact: redactCommand,
  key: keyCommand,
};
