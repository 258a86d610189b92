import type { Profile } from '../keys/profiles';

/** The model a compatible server is asked for when it lists none and its profile names none. */
export const UNNAMED_LOCAL_MODEL = 'default';

/** What the model picker offers, the model a request names, and where that list came from. */
export interface ModelChoice {
  readonly models: readonly string[];
  readonly model: string;
  /** `endpoint`: its `/models`; `profile`: the profile's own model or deployment; `settings`: secureGpt.models. */
  readonly source: 'endpoint' | 'profile' | 'settings';
}

/** Everything the choice depends on; `listed` is undefined when `/models` did not answer (or was not asked). */
export interface ModelChoiceInput {
  readonly profile: Profile;
  readonly listed: readonly string[] | undefined;
  /** The model picked in the chat, kept only while the list still holds it. */
  readonly selected: string | undefined;
  readonly settingsModel: string;
  readonly settingsModels: readonly string[];
  /** Whether the user set `secureGpt.model` themselves (its default names an OpenAI model). */
  readonly settingsModelConfigured: boolean;
}

// Ids `/models` lists that cannot answer a chat: embeddings, speech, images, moderation, legacy completion.
const NOT_CHAT =
  /embed|whisper|tts|dall-e|moderation|davinci|babbage|transcribe|audio|realtime|image|search|computer-use/i;

/** Whether a profile's `/models` is worth asking: Azure answers with base models, not deployments. */
export function listsModels(profile: Profile): boolean {
  return profile.kind === 'openai' || profile.kind === 'compatible';
}

/**
 * The picker's list and the request's model for a profile. A listing wins; without one the profile's own
 * model (or Azure deployment) is all there is, and OpenAI's model names are offered only for profiles
 * that talk to OpenAI (or send nothing), never for a server that did not list them.
 */
export function chooseModels(input: ModelChoiceInput): ModelChoice {
  const { profile } = input;
  const pinned = profile.kind === 'dry-run' ? undefined : profile.model;
  const listed = input.listed ? chatModels(input.listed) : [];
  if (listed.length > 0 && listsModels(profile)) {
    const models = pinned !== undefined && !listed.includes(pinned) ? [pinned, ...listed] : listed;
    const preferred = [input.selected, pinned, input.settingsModel];
    return { models, model: firstIn(preferred, models) ?? models[0]!, source: 'endpoint' };
  }
  switch (profile.kind) {
    case 'azure': {
      const model = pinned ?? profile.deployment;
      return { models: [model], model, source: 'profile' };
    }
    case 'compatible': {
      const model =
        pinned ?? (input.settingsModelConfigured ? input.settingsModel : undefined) ?? UNNAMED_LOCAL_MODEL;
      return { models: [model], model, source: 'profile' };
    }
    case 'openai':
    case 'dry-run': {
      const base = pinned ?? input.settingsModel;
      const models = input.settingsModels.includes(base)
        ? input.settingsModels
        : [base, ...input.settingsModels];
      const model = firstIn([input.selected, base], models) ?? base;
      return { models, model, source: pinned !== undefined ? 'profile' : 'settings' };
    }
  }
}

function chatModels(ids: readonly string[]): string[] {
  const unique = [...new Set(ids.filter((id) => id.length > 0 && id.length <= 200))];
  const chat = unique.filter((id) => !NOT_CHAT.test(id));
  // A server that lists only odd names (a local embedding server?) keeps them rather than offering nothing.
  return (chat.length > 0 ? chat : unique).sort((a, b) => a.localeCompare(b));
}

function firstIn(
  candidates: ReadonlyArray<string | undefined>,
  models: readonly string[],
): string | undefined {
  return candidates.find((c): c is string => c !== undefined && models.includes(c));
}
