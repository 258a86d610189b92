import {
  Keychain,
  keychainCallsStuck,
  KeychainUnavailableError,
  keychainRemedy,
} from '../core/keys/keychain';
import { checkKeyFormat, maskKey, normalizeKeyInput } from '../core/keys/keyFormat';
import type { CliProfiles } from '../core/keys/profileFile';
import { readCliProfiles } from '../core/keys/profileFile';
import type { Profile } from '../core/keys/profiles';
import {
  describeProfile,
  envVarFor,
  findProfile,
  keyRequirement,
  PROFILE_NAME_PATTERN,
} from '../core/keys/profiles';
import { KeyVault, storeLabel } from '../core/keys/vault';
import type { CliCommand, CliIo } from './command';
import { EXIT_ERROR, EXIT_OK, UsageError } from './command';
import { parseOptions } from './args';
import type { RawInput } from './keyPrompt';
import { readAll, readHiddenLine } from './keyPrompt';

/** `key status` / `key delete` found no key for the profile. */
export const EXIT_NO_KEY = 1;
/** No OS keychain is reachable (and, for reads, no environment variable either). */
export const EXIT_NO_KEYCHAIN = 3;
/** The user aborted the hidden prompt. */
export const EXIT_ABORTED = 130;

const HELP = `Usage: secure-gpt key <set|status|delete|list> [options]

  set     [--profile P] [--stdin]   store a key in the OS keychain (hidden prompt on a terminal,
                                    otherwise read from stdin)
  status  [--profile P]             show the masked key, where it comes from, and the profile kind
  delete  [--profile P]             remove the profile's key from the OS keychain
  list                              profiles and the masked keys stored for them

Keys live in the OS keychain under service "secure-gpt", account = profile name (default "openai").
OPENAI_API_KEY / AZURE_OPENAI_API_KEY are read-only fallbacks when the keychain has no key.
Profiles come from $SECURE_GPT_PROFILES or $XDG_CONFIG_HOME/secure-gpt/profiles.json.

Exit codes: 0 ok, 1 no key, 2 usage or invalid input, 3 no OS keychain reachable, 130 aborted.
`;

/** `secure-gpt key`: set, show, delete and list keys in the OS keychain. */
export const keyCommand: CliCommand = {
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === 'help') {
      (sub === undefined ? io.stderr : io.stdout).write(HELP);
      return sub === undefined ? EXIT_ERROR : EXIT_OK;
    }
    const { values, positionals } = parseOptions(rest, {
      profile: { type: 'string', short: 'p' },
      stdin: { type: 'boolean' },
    });
    if (positionals.length > 0) {
      throw new UsageError(
        `unexpected argument '${positionals[0]}' (the key is never an argument: use the prompt or --stdin)`,
      );
    }
    const ctx = await context(io, values.profile);
    try {
      switch (sub) {
        case 'set':
          return await setKey(ctx, values.stdin === true);
        case 'status':
          return await status(ctx);
        case 'delete':
          return await deleteKey(ctx);
        case 'list':
          return await list(ctx);
        default:
          throw new UsageError(`unknown subcommand '${sub}'\n\n${HELP}`);
      }
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) {
        throw error;
      }
      io.stderr.write(unavailableMessage(error));
      exitIfStuck(io, error);
      return EXIT_NO_KEYCHAIN;
    }
  },
};

interface KeyContext {
  readonly io: CliIo;
  readonly profiles: CliProfiles;
  readonly profile: Profile;
  readonly configured: boolean;
  readonly keychain: Keychain;
  readonly vault: KeyVault;
}

async function context(io: CliIo, requested: string | undefined): Promise<KeyContext> {
  const profiles = await readCliProfiles(io.env);
  for (const problem of profiles.problems) {
    io.stderr.write(`warning: ${problem}\n`);
  }
  const name = requested ?? profiles.defaultProfile;
  if (!PROFILE_NAME_PATTERN.test(name)) {
    throw new UsageError(`--profile: '${name}' is not a profile name (letters, digits, ".", "_" or "-")`);
  }
  const found = findProfile(profiles, name);
  // A profile the CLI has no file entry for (it may live in VS Code's settings) is treated as OpenAI.
  const profile: Profile = found ?? { name, kind: 'openai' };
  const timeout = Number(io.env['SECURE_GPT_KEYCHAIN_TIMEOUT_MS']);
  const keychain = new Keychain(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {});
  const vault = new KeyVault({ keychain, env: io.env });
  return { io, profiles, profile, configured: found !== undefined, keychain, vault };
}

async function setKey(ctx: KeyContext, fromStdin: boolean): Promise<number> {
  const { io, profile } = ctx;
  if (keyRequirement(profile) === 'none') {
    io.stderr.write(
      `Profile '${profile.name}' is ${describeProfile(profile)}: it sends nothing and needs no key.\n`,
    );
    return EXIT_ERROR;
  }
  // Probe before prompting, so nobody types a key only to learn it cannot be kept.
  const problem = await ctx.keychain.probe();
  if (problem) {
    throw problem;
  }
  const stdin = io.stdin as Partial<RawInput> & NodeJS.ReadableStream & { isTTY?: boolean };
  let raw: string | undefined;
  if (!fromStdin && stdin.isTTY === true && typeof stdin.setRawMode === 'function') {
    raw = await readHiddenLine(
      stdin as RawInput,
      io.stderr,
      `API key for profile '${profile.name}' (input hidden): `,
    );
    if (raw === undefined) {
      io.stderr.write('Aborted; nothing stored.\n');
      return EXIT_ABORTED;
    }
  } else {
    raw = await readAll(io.stdin);
  }
  const input = normalizeKeyInput(raw);
  if (!input.ok) {
    io.stderr.write(`Not stored: ${input.reason}\n`);
    return EXIT_ERROR;
  }
  const warning = checkKeyFormat(profile.kind, input.key);
  if (warning) {
    io.stderr.write(`warning: ${warning} Stored anyway.\n`);
  }
  await ctx.vault.store(profile, input.key, 'keychain');
  io.stdout.write(
    `Stored ${maskKey(input.key)} for profile '${profile.name}' in the OS keychain (service "${ctx.keychain.service}", account "${profile.name}").\n`,
  );
  return EXIT_OK;
}

async function status(ctx: KeyContext): Promise<number> {
  const { io, profile } = ctx;
  const result = await ctx.vault.status(profile);
  const kind = `${describeProfile(profile)}${ctx.configured ? '' : ' (not in profiles.json; treated as OpenAI)'}`;
  const lines = [`profile: ${profile.name}`, `kind:    ${kind}`];
  if (result.source !== undefined && result.masked !== undefined) {
    const where =
      result.source === 'env'
        ? `env (${envVarFor(profile.kind) ?? '?'}; read-only)`
        : `keychain (service "${ctx.keychain.service}", account "${profile.name}")`;
    lines.push(`source:  ${where}`, `key:     ${result.masked}`);
  } else if (keyRequirement(profile) === 'none') {
    lines.push('key:     none needed');
  } else if (result.keychainProblem) {
    throw result.keychainProblem;
  } else {
    lines.push('key:     none');
  }
  if (result.keychainProblem) {
    lines.push(`note:    the OS keychain is unavailable: ${result.keychainProblem.message}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  if (result.source === undefined && keyRequirement(profile) === 'required') {
    io.stderr.write(
      `No key for profile '${profile.name}'. Set one with \`secure-gpt key set --profile ${profile.name}\`${envAdvice(profile)}.\n`,
    );
    return EXIT_NO_KEY;
  }
  return EXIT_OK;
}

async function deleteKey(ctx: KeyContext): Promise<number> {
  const { io, profile } = ctx;
  const removed = await ctx.vault.remove(profile);
  if (removed.length === 0) {
    io.stderr.write(`No key stored for profile '${profile.name}' in the OS keychain; nothing deleted.\n`);
    return EXIT_NO_KEY;
  }
  io.stdout.write(
    `Deleted the key of profile '${profile.name}' from ${removed.map(storeLabel).join(' and ')}.\n`,
  );
  const variable = envVarFor(profile.kind);
  if (variable !== undefined && io.env[variable]) {
    io.stderr.write(
      `note: ${variable} is still set in this environment and will be used for this profile.\n`,
    );
  }
  return EXIT_OK;
}

async function list(ctx: KeyContext): Promise<number> {
  const { io, profiles } = ctx;
  const accounts = await ctx.keychain.accounts();
  const names = [...new Set([...profiles.profiles.map((p) => p.name), ...accounts])];
  const rows = [['PROFILE', 'KIND', 'KEY']];
  for (const name of names) {
    const profile = findProfile(profiles, name);
    const kind = profile ? profile.kind : '(not configured)';
    let key = 'none';
    if (accounts.includes(name)) {
      const stored = await ctx.keychain.get(name);
      key = stored === undefined ? 'none' : `${maskKey(stored)} (keychain)`;
    } else if (profile && keyRequirement(profile) === 'none') {
      key = '(no key needed)';
    } else if (profile && envVarFor(profile.kind) !== undefined && io.env[envVarFor(profile.kind)!]) {
      key = `${maskKey(io.env[envVarFor(profile.kind)!]!.trim())} (env ${envVarFor(profile.kind)!})`;
    }
    rows.push([name === profiles.defaultProfile ? `${name} *` : name, kind, key]);
  }
  const widths = [0, 1].map((col) => Math.max(...rows.map((r) => r[col]!.length)));
  for (const row of rows) {
    io.stdout.write(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!}\n`);
  }
  io.stdout.write('(* = default profile)\n');
  return EXIT_OK;
}

function envAdvice(profile: Profile): string {
  const variable = envVarFor(profile.kind);
  return variable === undefined ? '' : `, or export ${variable}`;
}

/** The message for an unreachable keychain: what went wrong, what to install or start, and the env route. */
export function unavailableMessage(
  error: KeychainUnavailableError,
  platform: NodeJS.Platform = process.platform,
): string {
  const remedy = keychainRemedy(
    error.problem,
    platform,
    'Or skip the keychain: export OPENAI_API_KEY (or AZURE_OPENAI_API_KEY) in the shell that runs secure-gpt; ' +
      '`secure-gpt key status` then shows "source: env".',
  );
  return `secure-gpt key: no OS keychain is reachable: ${error.message}\n${remedy}\n`;
}

/**
 * A keychain call stuck in native code (a Secret Service daemon that never answers) pins a libuv pool
 * thread, and Node joins those threads at exit, so the process could never end, not even through
 * `process.exit`. Only as the real CLI (not in-process under a test), and only then, it kills itself once
 * the message is flushed: the shell sees 137 rather than a hang.
 */
function exitIfStuck(io: CliIo, error: KeychainUnavailableError): void {
  if (error.problem === 'timeout' && keychainCallsStuck() && io.stdout === process.stdout) {
    process.stderr.write('', () => process.kill(process.pid, 'SIGKILL'));
  }
}
