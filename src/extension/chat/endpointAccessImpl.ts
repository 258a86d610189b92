import type { Profile } from '../../core/keys/profiles';
import { endpointFor } from '../../core/openai/openaiClient';
import { createDryRunProvider } from '../../core/openai/dryRunProvider';
import { createOpenAiProvider } from '../../core/openai/openaiProvider';
import type { Provider } from '../../core/openai/provider';
import { allowlistPolicy } from '../../core/policy/hostAllowlist';
import type { KeyAccess } from '../keys/keyAccess';
import { NoApiKeyError } from '../keys/keyAccess';
import type { Log } from '../log';
import { editorFetch } from '../network';
import type { EndpointAccess } from './endpointAccess';
import { ModelCatalog } from './modelCatalog';
import { currentSettings, modelConfigured } from './settingsReader';

/** The provider for a profile and the key read for it just now. */
function providerFor(profile: Profile, key: string | undefined, log: Log): Provider {
  const endpoint = endpointFor(profile, key);
  if (!endpoint) {
    return createDryRunProvider('the endpoint (dry-run profile)');
  }
  const { settings } = currentSettings();
  return createOpenAiProvider(endpoint, {
    endpointPolicy: allowlistPolicy(settings['endpoint.allowedHosts']),
    logger: log,
    fetch: editorFetch(),
  });
}

/**
 * Builds the provider of the active profile per request, through the key module's `withApiKey` (the
 * one place the key is read). With no key set, requests go nowhere: a dry run shows what would be sent.
 */
export function createEndpointAccess(keys: KeyAccess, log: Log): EndpointAccess {
  const catalog = new ModelCatalog({
    log,
    settings: () => {
      const { settings } = currentSettings();
      return { model: settings.model, models: settings.models, modelConfigured: modelConfigured() };
    },
    // Through the profile's own transport, with its key read now: the same egress as a request.
    list: async (profile, signal) => {
      try {
        return await keys.withApiKey(profile.name, (key, p) => {
          const provider = providerFor(p, key, log);
          return provider.listModels ? provider.listModels(signal) : Promise.resolve(undefined);
        });
      } catch (error) {
        if (error instanceof NoApiKeyError) {
          return undefined;
        }
        throw error;
      }
    },
  });
  return {
    models: (selected) => catalog.choice(keys.activeProfile(), selected),
    model: async (selected) => (await catalog.settled(keys.activeProfile(), selected)).model,
    onDidChangeModels: (listener) => catalog.onDidChange(listener),
    active: () => {
      const profile = keys.activeProfile();
      return { profile: profile.name, model: 'model' in profile ? profile.model : undefined };
    },
    async withProvider<T>(fn: (provider: Provider) => Promise<T>): Promise<T> {
      try {
        return await keys.withApiKey(undefined, (key, profile) => fn(providerFor(profile, key, log)));
      } catch (error) {
        if (!(error instanceof NoApiKeyError)) {
          throw error;
        }
        log.info(`${error.message} Answering as a dry run.`);
        return fn(
          createDryRunProvider(`profile '${error.profile}' once a key is set (Secure GPT: Set API Key)`),
        );
      }
    },
  };
}
