import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newGatewayToken } from '../core/gateway/access';
import type { RunningGateway } from '../core/gateway/gatewayServer';
import { startGateway } from '../core/gateway/gatewayServer';
import { environmentKeys, loadKnownValues } from '../core/known/knownValueSource';
import type { Logger } from '../core/log';
import { createEgress, networkFromEnv } from '../core/net/proxyFetch';
import { secretsOf } from '../core/openai/provider';
import { allowlistPolicy } from '../core/policy/hostAllowlist';
import { Scrubber } from '../core/scrub';
import { cliAuditDir, cliStateDir } from '../core/statePaths';
import { parseOptions } from './args';
import { resolveTargetOrRefusal, urlOf } from './askTarget';
import { readCliConfig } from './cliConfig';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_OK, UsageError } from './command';
import { buildProxyPipeline } from './proxyPipeline';

const HELP = `Usage: secure-gpt proxy [options]

Serves an OpenAI-compatible endpoint on 127.0.0.1 for other tools (Continue, Cline, Aider, scripts on
the openai SDK). Every request passes the same pipeline as 'ask': secrets become placeholders, known
values (the key, .env values) are guarded, the endpoint policy, limits and budgets apply, and each
request is recorded in the audit log. Answers come back with the placeholders restored, the key masked.
Serves POST /v1/chat/completions (streamed or not, tool calls), POST /v1/responses, POST /v1/embeddings
and GET /v1/models.

The first line on stdout is {"url": "http://127.0.0.1:PORT/v1", "token": "..."}: give the tool the url as
its base URL and the token as its API key. The real key stays here (keychain or OPENAI_API_KEY).
Logs go to stderr. Stop with Ctrl-C. Audit records go to $SECURE_GPT_AUDIT_DIR when it is set (the
editor sets its own log there), else to the CLI's state directory, as for 'ask'.

Options:
      --port N          port on 127.0.0.1 (default 0: any free port)
  -p, --profile P       profile whose key and endpoint to use: OpenAI, Azure OpenAI (its deployment)
                        or compatible (default: the CLI's default profile)
      --base-url URL    forward to this OpenAI-compatible base URL instead (https, or http on loopback)
      --token-file F    keep the client token in F (made, mode 600, if missing) so it survives restarts;
                        default: a new random token at each start
      --stop-on-stdin-end
                        also stop when stdin closes (how the editor's gateway ends with the editor)
  -h, --help            show this help
`;

/** `secure-gpt proxy`: the local redacting gateway, until interrupted. */
export const proxyCommand: CliCommand = {
  help: HELP,
  run: runProxy,
};

async function runProxy(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    port: { type: 'string', default: '0' },
    profile: { type: 'string', short: 'p' },
    'base-url': { type: 'string' },
    'token-file': { type: 'string' },
    'stop-on-stdin-end': { type: 'boolean' },
  });
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}'`);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new UsageError(`--port: '${values.port}' is not a port (0 to 65535)`);
  }
  const status = (line: string): void => void io.stderr.write(`${line}\n`);
  const fail = (message: string): number => {
    status(`secure-gpt proxy: ${message}`);
    return EXIT_ERROR;
  };
  const config = await readCliConfig(io.env);
  config.warnings.forEach((w) => status(`warning: ${w}`));
  const settings = config.settings;
  const policy = allowlistPolicy(settings['endpoint.allowedHosts']);
  const { fetch, request } = createEgress(networkFromEnv(io.env));
  const target = await resolveTargetOrRefusal(
    { profile: values.profile, baseUrl: values['base-url'], dryRun: false, endpointPolicy: policy, fetch },
    io,
  );
  if ('refused' in target) {
    return fail(target.refused);
  }
  target.notes.forEach(status);
  const { provider, profile } = target;
  if (provider.kind === 'dry-run') {
    return fail("no API key to forward with: store one with 'secure-gpt key set', or set OPENAI_API_KEY.");
  }
  // With --base-url the profile's endpoint is not used, and neither is its Azure shape (as in `ask`).
  const azure =
    profile.kind === 'azure' && values['base-url'] === undefined
      ? { apiVersion: profile.apiVersion, deployment: profile.deployment }
      : undefined;
  const baseUrl = values['base-url'] ?? urlOf(profile);
  if (baseUrl === undefined) {
    return fail(`profile '${profile.name}' has no endpoint to forward to.`);
  }
  let token: string;
  try {
    token = await gatewayToken(values['token-file']);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const apiKey = secretsOf(provider)[0] ?? '';
  const scrubber = new Scrubber([
    { value: apiKey, label: 'api-key' },
    { value: token, label: 'gateway-token' },
  ]);
  const logger = stderrLogger(io, scrubber);

  const { values: known, notes } = await loadKnownValues({
    starts: [process.cwd()],
    apiKeys: [...environmentKeys(io.env), ...(apiKey ? [apiKey] : [])],
  });
  notes.forEach((n) => status(`known values: ${n}`));
  const { pipeline, recordBlocked } = buildProxyPipeline(
    settings,
    known,
    profile.name,
    { state: cliStateDir(io.env), audit: cliAuditDir(io.env) },
    logger,
  );
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(
      {
        token,
        upstream: {
          kind: provider.kind,
          baseUrl,
          apiKey,
          policy,
          request,
          ...(azure ? { azure } : {}),
          ...(provider.moderate ? { moderate: provider.moderate.bind(provider) } : {}),
        },
        pipeline,
        recordBlocked,
        logger,
      },
      port,
    );
  } catch (error) {
    return fail(`cannot listen on 127.0.0.1:${port}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  io.stdout.write(`${JSON.stringify({ url: gateway.url, token })}\n`);
  status(
    `secure-gpt proxy: forwarding ${gateway.url} to ${new URL(baseUrl).host} (profile '${profile.name}')`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (values['stop-on-stdin-end']) {
      // The parent holds the other end: when it dies, even by SIGKILL, the pipe closes.
      io.stdin.once('end', resolve).once('close', resolve).resume();
    }
  });
  await gateway.close();
  status('secure-gpt proxy: stopped');
  return EXIT_OK;
}

/** The token from `file` (made there if missing), or a fresh one per start. */
async function gatewayToken(file: string | undefined): Promise<string> {
  if (file === undefined) {
    return newGatewayToken();
  }
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved.length < 32 || /\s/.test(saved)) {
      throw new Error(`${file} does not hold a gateway token (at least 32 characters, no spaces)`);
    }
    return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const token = newGatewayToken();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return token;
}

/** Every line through the scrubber: the key and the token can never be written to stderr. */
function stderrLogger(io: CliIo, scrubber: Scrubber): Logger {
  const write = (level: string) => (message: string) =>
    void io.stderr.write(`[${level}] ${scrubber.scrub(message)}\n`);
  return {
    trace: () => undefined,
    debug: () => undefined,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}
