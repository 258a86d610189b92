import type { CliCommand } from './command';

/** A subcommand as the dispatcher knows it: its usage line, and how to load the code that runs it. */
export interface CommandEntry {
  /** One line for the top-level usage. */
  readonly summary: string;
  /** Loads the command on first use. */
  load(): Promise<CliCommand>;
}

/**
 * Every subcommand, by name. Adding a command is one entry here plus its own file in src/cli/.
 *
 * Each is loaded with a dynamic import only when it runs, so `secure-gpt scan` (a pre-commit hook, on
 * every commit) never loads the openai SDK, keytar or the LSP library. esbuild.js builds each of these
 * imports as a bundle of its own beside dist/cli.js (see `cliCommandChunks` there), so the dispatcher
 * does not even parse them.
 */
export const commands: Readonly<Record<string, CommandEntry>> = {
  scan: {
    summary: 'Scan files for secrets (text, json or sarif; exit 1 on findings)',
    load: async () => (await import('./scan')).scanCommand,
  },
  lsp: {
    summary: 'Run the language server over stdio (for Neovim, Helix and other editors)',
    load: async () => (await import('./lsp')).lspCommand,
  },
  audit: {
    summary: 'Verify or show the tamper-evident audit log',
    load: async () => (await import('./audit')).auditCommand,
  },
  ask: {
    summary: 'ask a model; secrets are redacted before anything leaves (answer on stdout)',
    load: async () => (await import('./ask')).askCommand,
  },
  redact: {
    summary: 'print a file or stdin with secrets replaced by placeholders (--json for positions)',
    load: async () => (await import('./redact')).redactCommand,
  },
  proxy: {
    summary: 'serve a redacting OpenAI-compatible endpoint on 127.0.0.1 for other AI tools',
    load: async () => (await import('./proxy')).proxyCommand,
  },
  key: {
    summary: 'store, show (masked), delete and list API keys in the OS keychain',
    load: async () => (await import('./key')).keyCommand,
  },
};
