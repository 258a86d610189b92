import { Keychain, KeychainUnavailableError } from '../core/keys/keychain';
import { readCliProfiles } from '../core/keys/profileFile';
import type { Profile } from '../core/keys/profiles';
import { envVarFor, findProfile, keyRequirement, PROFILE_NAME_PATTERN } from '../core/keys/profiles';
import { KeyVault } from '../core/keys/vault';
import type { Logger } from '../core/log';
import { createDryRunProvider } from '../core/openai/dryRunProvider';
import type { EndpointPolicy } from '../core/openai/endpointPolicy';
import { checkEndpoint, EndpointRefusedError } from '../core/openai/endpointPolicy';
import type { EndpointProfile } from '../core/openai/openaiClient';
import { OPENAI_BASE_URL } from '../core/openai/openaiClient';
import { createOpenAiProvider } from '../core/openai/openaiProvider';
import type { Provider } from '../core/openai/provider';
import type { CliIo } from './command';
import { UsageError } from './command';

/** The model used when neither `--model` nor the profile names one. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** What `ask` was told on its command line about where to send. */
export interface TargetOptions {
  readonly profile?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly model?: string | undefined;
  readonly dryRun: boolean;
  readonly endpointPolicy?: EndpointPolicy;
  readonly maxRetries?: number;
  readonly logger?: Logger;
  /** A proxy-aware fetch (HTTPS_PROXY / NO_PROXY); default the global fetch. */
  readonly fetch?: typeof fetch;
}

/** A provider to send through, the model, and notes for stderr ("no key: dry run"). */
export interface AskTarget {
  readonly provider: Provider;
  readonly model: string;
  readonly profile: Profile;
  readonly notes: readonly string[];
}

/**
 * Resolves profile, key and endpoint. The key comes from the OS keychain first, then the environment
 * (OPENAI_API_KEY / AZURE_OPENAI_API_KEY). No key means a dry run, said on stderr: nothing is sent.
 * An endpoint the policy refuses throws `EndpointRefusedError` before anything connects.
 */
export async function resolveTarget(options: TargetOptions, io: CliIo): Promise<AskTarget> {
  const notes: string[] = [];
  const profiles = await readCliProfiles(io.env);
  notes.push(...profiles.problems.map((p) => `warning: ${p}`));
  const name = options.profile ?? profiles.defaultProfile;
  if (!PROFILE_NAME_PATTERN.test(name)) {
    throw new UsageError(`--profile: '${name}' is not a profile name (letters, digits, ".", "_" or "-")`);
  }
  // A profile the CLI has no entry for (it may live in VS Code's settings) is taken as OpenAI, as `key` does.
  const profile: Profile = findProfile(profiles, name) ?? { name, kind: 'openai' };
  const model = options.model ?? ('model' in profile ? profile.model : undefined) ?? DEFAULT_MODEL;
  const url = options.baseUrl ?? urlOf(profile);
  // Checked first, so even a dry run says when the endpoint would be refused.
  const host = url !== undefined ? checkEndpoint(url, options.endpointPolicy).host : 'dry-run';
  if (profile.kind === 'dry-run') {
    return { provider: createDryRunProvider(host), model, profile, notes };
  }
  const key = await readKey(profile, io, notes);
  if (options.dryRun) {
    return { provider: createDryRunProvider(host, key !== undefined ? [key] : []), model, profile, notes };
  }
  if (key === undefined && keyRequirement(profile) === 'required') {
    const variable = envVarFor(profile.kind) ?? 'the keychain';
    notes.push(
      `No API key for profile '${profile.name}' (OS keychain or ${variable}): dry run, nothing is sent. ` +
        `Store one with 'secure-gpt key set --profile ${profile.name}'.`,
    );
    return { provider: createDryRunProvider(host), model, profile, notes };
  }
  const transport = {
    ...(options.endpointPolicy ? { endpointPolicy: options.endpointPolicy } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const endpoint: EndpointProfile =
    profile.kind === 'azure' && options.baseUrl === undefined
      ? {
          kind: 'azure',
          apiKey: key ?? '',
          endpoint: profile.endpoint,
          apiVersion: profile.apiVersion,
          deployment: profile.deployment,
        }
      : {
          kind: profile.kind === 'openai' && options.baseUrl === undefined ? 'openai' : 'compatible',
          apiKey: key ?? '',
          baseUrl: url ?? OPENAI_BASE_URL,
        };
  return { provider: createOpenAiProvider(endpoint, transport), model, profile, notes };
}

/** The base URL a profile sends to (undefined for a dry run). */
export function urlOf(profile: Profile): string | undefined {
  switch (profile.kind) {
    case 'openai':
      return OPENAI_BASE_URL;
    case 'azure':
      return profile.endpoint;
    case 'compatible':
      return profile.baseUrl;
    case 'dry-run':
      return undefined;
  }
}

async function readKey(profile: Profile, io: CliIo, notes: string[]): Promise<string | undefined> {
  if (keyRequirement(profile) === 'none') {
    return undefined;
  }
  const timeout = Number(io.env['SECURE_GPT_KEYCHAIN_TIMEOUT_MS']);
  const keychain = new Keychain({
    env: io.env,
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  });
  try {
    return (await new KeyVault({ keychain, env: io.env }).read(profile))?.key;
  } catch (error) {
    if (!(error instanceof KeychainUnavailableError)) {
      throw error;
    }
    notes.push(`The OS keychain is not reachable (${error.message.split('\n')[0] ?? ''}).`);
    return undefined;
  }
}

/** `resolveTarget`, with an endpoint the policy refuses given back as its message for the command to print. */
export async function resolveTargetOrRefusal(
  options: TargetOptions,
  io: CliIo,
): Promise<AskTarget | { readonly refused: string }> {
  try {
    return await resolveTarget(options, io);
  } catch (error) {
    if (error instanceof EndpointRefusedError) {
      return { refused: error.message };
    }
    throw error;
  }
}
