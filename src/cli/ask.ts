import { extname, isAbsolute, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { AuditLog } from '../core/audit/auditLog';
import { defaultPrices } from '../core/limits/prices';
import { RateLimiter } from '../core/limits/rateLimiter';
import { UsageStore } from '../core/limits/usage';
import { createFetch, networkFromEnv } from '../core/net/proxyFetch';
import { environmentKeys, loadKnownValues } from '../core/known/knownValueSource';
import { allowlistPolicy } from '../core/policy/hostAllowlist';
import { cliAuditDir, cliStateDir } from '../core/statePaths';
import { Conversation } from '../core/pipeline/conversation';
import type { Attachment } from '../core/pipeline/exclude';
import type { RunResult } from '../core/pipeline/pipeline';
import { buildPipeline, rateLimitsOf } from '../core/pipeline/buildPipeline';
import type { Decision, DecisionRequest, RedactionPolicy } from '../core/pipeline/prepare';
import { describeCounts, REDACTION_POLICIES } from '../core/pipeline/prepare';
import { Scrubber } from '../core/scrub';
import { parseChoice, parseOptions } from './args';
import type { AskTarget } from './askTarget';
import { resolveTargetOrRefusal } from './askTarget';
import { BinaryFileError, readTextFileSync, readTextStream } from '../core/fs/decodeText';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError } from './command';
import { readCliConfig } from './cliConfig';

/** Ctrl-C during the answer: the partial answer stays on stdout. */
export const EXIT_CANCELLED = 130;

const HELP = `Usage: secure-gpt ask [options] PROMPT...

Asks a model. The prompt and every --file pass the same pipeline as the editor: files such as .env or
*.pem are left out, secrets become placeholders such as ‹secret:github-pat#1›, and a final check
blocks the request if a known value (the key, a value from a .env file anywhere in the git repository)
is still in it. The answer streams to
stdout (placeholders stay placeholders); status goes to stderr. PROMPT '-' reads it from stdin.

Options:
  -p, --profile P       profile to use (default: the CLI's default profile, 'openai')
      --base-url URL    send to this OpenAI-compatible base URL instead (https, or http on loopback)
  -m, --model M         model (default: the profile's, else gpt-4o-mini)
  -f, --file F          attach a file; repeatable
      --no-stream       wait for the whole answer
      --dry-run         send nothing: print the exact request that would be sent
      --policy P        redact (default), block (refuse while secrets are found) or ask (terminal)
  -h, --help            show this help

The key comes from the OS keychain ('secure-gpt key set'), else OPENAI_API_KEY / AZURE_OPENAI_API_KEY.
Without a key, ask makes a dry run.

Exit status: 0 answered, 1 not sent (secrets under --policy block, the final check, or a refusal),
2 failed (bad option, refused endpoint, API or network error, answer cut: the partial answer is kept),
130 interrupted.
`;

/** `secure-gpt ask`: one request through the outgoing pipeline, streamed to stdout. */
export const askCommand: CliCommand = {
  help: HELP,
  run: runAsk,
};

async function runAsk(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    profile: { type: 'string', short: 'p' },
    'base-url': { type: 'string' },
    model: { type: 'string', short: 'm' },
    file: { type: 'string', short: 'f', multiple: true },
    'no-stream': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    policy: { type: 'string', default: 'redact' },
  });
  const policy: RedactionPolicy = parseChoice(values.policy, REDACTION_POLICIES, '--policy');
  let prompt = positionals.join(' ');
  if (prompt === '-') {
    prompt = await readTextStream(io.stdin, 'stdin');
  }
  if (prompt.trim().length === 0) {
    throw new UsageError('a PROMPT is required (or - to read it from stdin)');
  }
  const status = (line: string): void => void io.stderr.write(`${line}\n`);
  const fail = (message: string): number => {
    status(`secure-gpt ask: ${message}`);
    return EXIT_ERROR;
  };
  const attachments: Attachment[] = [];
  for (const file of values.file ?? []) {
    try {
      attachments.push(readAttachment(file));
    } catch (error) {
      return fail(
        error instanceof BinaryFileError
          ? `${file} is a binary file: attach text files only`
          : `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
  }

  const config = await readCliConfig(io.env);
  config.warnings.forEach((w) => status(`warning: ${w}`));
  const settings = config.settings;
  const target = await resolveTargetOrRefusal(
    {
      profile: values.profile,
      baseUrl: values['base-url'],
      model: values.model,
      dryRun: values['dry-run'] === true,
      // The key goes wherever the URL points, so --base-url too must pass HTTPS and the host allowlist.
      endpointPolicy: allowlistPolicy(settings['endpoint.allowedHosts']),
      fetch: createFetch(networkFromEnv(io.env)),
    },
    io,
  );
  if ('refused' in target) {
    return fail(target.refused);
  }
  target.notes.forEach(status);

  const { values: known, notes } = await loadKnownValues({
    starts: [process.cwd()],
    apiKeys: environmentKeys(io.env),
  });
  notes.forEach((n) => status(`known values: ${n}`));
  const state = cliStateDir(io.env);
  const pipeline = buildPipeline(
    { settings, profile: target.profile.name, known, policy },
    {
      // One request per process: the per-minute limits still bound a loop of `ask` calls only through
      // the budget, which is kept on disk.
      limiter: new RateLimiter(rateLimitsOf(settings)),
      usage: new UsageStore(state, () => ({ ...defaultPrices, ...settings['budget.prices'] })),
      audit: new AuditLog(cliAuditDir(io.env)),
    },
  );
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let answered = false;
  let result: RunResult;
  try {
    result = await pipeline.run(
      new Conversation(),
      { prompt, attachments, model: target.model, stream: values['no-stream'] !== true },
      target.provider,
      {
        signal: controller.signal,
        onPrepared: (ready) => {
          for (const e of ready.excluded) {
            status(`left out ${e.path}: ${e.reason}`);
          }
          if (ready.redactions.length > 0) {
            status(`redacted ${describeCounts(ready.redactions)} before sending`);
          }
        },
        // With output moderation on, the pipeline hands over the answer only once it has been checked.
        onDelta: (text) => {
          answered = true;
          io.stdout.write(text);
        },
        onStatus: (text) => {
          if (text.length > 0) {
            status(text);
          }
        },
        decide: (request) => decideOnTerminal(request, io),
      },
    );
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  if (result.flagged) {
    status(`secure-gpt ask: the answer was withheld: moderation flagged it (${result.flagged.join(', ')})`);
    return EXIT_FINDINGS;
  }
  if (answered && !result.text.endsWith('\n')) {
    io.stdout.write('\n');
  }
  return finish(result, target, status);
}

function finish(result: RunResult, target: AskTarget, status: (line: string) => void): number {
  switch (result.outcome) {
    case 'ok':
    case 'dry-run': {
      const u = result.usage;
      const usage = u ? `, tokens ${u.prompt} in / ${u.completion} out` : '';
      status(`${target.provider.endpoint} · ${target.model}${usage}`);
      return EXIT_OK;
    }
    case 'blocked':
      status(`secure-gpt ask: ${result.message ?? 'not sent'}`);
      return EXIT_FINDINGS;
    case 'cancelled':
      status(`secure-gpt ask: ${result.message ?? 'cancelled'}`);
      return EXIT_CANCELLED;
    case 'failed':
      status(`secure-gpt ask: ${result.message ?? 'the request failed'}`);
      return EXIT_ERROR;
  }
}

function readAttachment(file: string): Attachment {
  const text = readTextFileSync(file);
  const shown = isAbsolute(file) ? relative(process.cwd(), file) || file : file;
  const path = shown.startsWith('..') ? file : shown.replace(/\\/g, '/');
  const language = extname(file).slice(1).toLowerCase();
  return { path, text, ...(language ? { language } : {}) };
}

/** Under `--policy ask`: lists what was found (kinds, places, masked previews) and asks on the terminal. */
async function decideOnTerminal(request: DecisionRequest, io: CliIo): Promise<Decision> {
  const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  if (stdin.isTTY !== true) {
    io.stderr.write(
      `${describeCounts(request.redactions)} found; --policy ask needs a terminal to answer.\n`,
    );
    return { action: 'cancel' };
  }
  const scrubber = new Scrubber();
  io.stderr.write(`Found ${describeCounts(request.redactions)}:\n`);
  for (const r of request.redactions) {
    const where = `${r.source} ${r.line + 1}:${r.column + 1}`;
    io.stderr.write(`  ${r.ruleId} at ${where} (${scrubber.scrub(r.preview)}) -> ${r.placeholder}\n`);
  }
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    const answer = await new Promise<string>((resolve) =>
      rl.question('Send with placeholders? [y/N] ', resolve),
    );
    return /^y(es)?$/i.test(answer.trim()) ? { action: 'redact' } : { action: 'cancel' };
  } finally {
    rl.close();
  }
}
