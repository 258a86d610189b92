import { z } from 'zod';

/** Where a profile sends requests: OpenAI, Azure OpenAI, an OpenAI-compatible server, or nowhere. */
export type ProfileKind = 'openai' | 'azure' | 'compatible' | 'dry-run';

/** The public OpenAI API. */
export interface OpenAiProfile {
  readonly name: string;
  readonly kind: 'openai';
  readonly model?: string;
}

/** Azure OpenAI: the resource endpoint, the deployment name and the API version. */
export interface AzureProfile {
  readonly name: string;
  readonly kind: 'azure';
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly model?: string;
}

/** An OpenAI-compatible server (Ollama, LM Studio, vLLM): a base URL and, often, no key at all. */
export interface CompatibleProfile {
  readonly name: string;
  readonly kind: 'compatible';
  readonly baseUrl: string;
  readonly model?: string;
}

/** Nothing is sent; the "answer" is the payload that would have gone out. */
export interface DryRunProfile {
  readonly name: string;
  readonly kind: 'dry-run';
}

/** One entry of `secureGpt.profiles` (or the CLI's profiles.json). */
export type Profile = OpenAiProfile | AzureProfile | CompatibleProfile | DryRunProfile;

/** What the vault needs of a profile: its name (the keychain account) and its kind. */
export type ProfileRef = Pick<Profile, 'name' | 'kind'>;

/** The profile used when nothing else is chosen; also the keychain account of a plain OpenAI key. */
export const DEFAULT_PROFILE_NAME = 'openai';

/** Profiles that exist without any configuration; a configured profile of the same name replaces one. */
export const BUILTIN_PROFILES: readonly Profile[] = [
  { name: DEFAULT_PROFILE_NAME, kind: 'openai' },
  { name: 'dry-run', kind: 'dry-run' },
];

/** Profile names double as keychain account names, so keep them short and printable. */
export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const name = z.string().regex(PROFILE_NAME_PATTERN, 'letters, digits, ".", "_" or "-", at most 64');
const model = z.string().min(1).max(200).optional();
const url = z
  .string()
  .min(1)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'an http(s) URL');

// `.strict()` so a stray `apiKey` field is reported instead of silently kept in settings: keys never live there.
const profileSchema = z.discriminatedUnion('kind', [
  z.object({ name, kind: z.literal('openai'), model }).strict(),
  z
    .object({
      name,
      kind: z.literal('azure'),
      endpoint: url,
      deployment: z.string().min(1).max(200),
      apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'a date such as 2024-10-21'),
      model,
    })
    .strict(),
  z.object({ name, kind: z.literal('compatible'), baseUrl: url, model }).strict(),
  z.object({ name, kind: z.literal('dry-run') }).strict(),
]);

/** Profiles read from configuration, with a message per entry that was dropped. */
export interface ProfileSet {
  readonly profiles: readonly Profile[];
  readonly problems: readonly string[];
}

/**
 * Validates a raw profiles array (from settings or a JSON file). Invalid entries are dropped with a
 * reason, never half-used; built-in profiles are added unless a configured one takes their name.
 */
export function parseProfiles(raw: unknown): ProfileSet {
  const problems: string[] = [];
  const profiles: Profile[] = [];
  const entries = raw === undefined || raw === null ? [] : raw;
  if (!Array.isArray(entries)) {
    return { profiles: [...BUILTIN_PROFILES], problems: ['profiles must be an array of objects'] };
  }
  entries.forEach((entry: unknown, index) => {
    const parsed = profileSchema.safeParse(entry);
    if (!parsed.success) {
      const label = profileLabel(entry, index);
      const reasons = parsed.error.issues.map((issue) => describeIssue(issue.path, issue.message));
      problems.push(`${label}: ${reasons.join('; ')}`);
      return;
    }
    if (profiles.some((p) => p.name === parsed.data.name)) {
      problems.push(`profile '${parsed.data.name}' is defined twice; the first one is used`);
      return;
    }
    profiles.push(stripUndefined(parsed.data) as Profile);
  });
  for (const builtin of BUILTIN_PROFILES) {
    if (!profiles.some((p) => p.name === builtin.name)) {
      profiles.push(builtin);
    }
  }
  return { profiles, problems };
}

/** Finds a profile by name. */
export function findProfile(set: ProfileSet, profileName: string): Profile | undefined {
  return set.profiles.find((p) => p.name === profileName);
}

/** Whether requests with this profile need a key ('optional': compatible servers often accept none). */
export function keyRequirement(profile: Pick<Profile, 'kind'>): 'required' | 'optional' | 'none' {
  switch (profile.kind) {
    case 'openai':
    case 'azure':
      return 'required';
    case 'compatible':
      return 'optional';
    case 'dry-run':
      return 'none';
  }
}

/**
 * The read-only environment variable for a profile's kind. Compatible servers get none on purpose:
 * reading OPENAI_API_KEY there would send an OpenAI key to whatever host the base URL names.
 */
export function envVarFor(kind: ProfileKind): string | undefined {
  switch (kind) {
    case 'openai':
      return 'OPENAI_API_KEY';
    case 'azure':
      return 'AZURE_OPENAI_API_KEY';
    case 'compatible':
    case 'dry-run':
      return undefined;
  }
}

/** A one-line description for status output and pickers; never includes a key. */
export function describeProfile(profile: Profile): string {
  switch (profile.kind) {
    case 'openai':
      return 'OpenAI';
    case 'azure':
      return `Azure OpenAI (${hostOf(profile.endpoint)}, deployment ${profile.deployment}, API ${profile.apiVersion})`;
    case 'compatible':
      return `OpenAI-compatible (${profile.baseUrl})`;
    case 'dry-run':
      return 'Dry-run (nothing is sent)';
  }
}

function hostOf(value: string): string {
  return URL.canParse(value) ? new URL(value).host : value;
}

function profileLabel(entry: unknown, index: number): string {
  const entryName = typeof entry === 'object' && entry !== null && 'name' in entry ? entry.name : undefined;
  return typeof entryName === 'string' && entryName.length <= 64
    ? `profile '${entryName}'`
    : `profile #${index + 1}`;
}

function describeIssue(path: readonly PropertyKey[], message: string): string {
  // Zod reports unknown keys as one issue naming them; an `apiKey` there deserves its own advice.
  if (/apiKey|api_key|key/i.test(message) && /unrecognized/i.test(message)) {
    return `${message} (keys never go in settings: use "Secure GPT: Set API Key")`;
  }
  return path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
