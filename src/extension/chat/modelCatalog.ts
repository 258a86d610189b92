import type { Logger } from '../../core/log';
import type { Profile } from '../../core/keys/profiles';
import type { ModelChoice } from '../../core/openai/modelChoice';
import { chooseModels, listsModels } from '../../core/openai/modelChoice';
import { Scrubber } from '../../core/scrub';

// No `vscode` import: the catalog runs under plain-Node unit tests against the loopback fake server.

/** The model settings the choice falls back to. */
export interface ModelSettings {
  readonly model: string;
  readonly models: readonly string[];
  /** Whether `secureGpt.model` is the user's own value rather than the default. */
  readonly modelConfigured: boolean;
}

/**
 * Lists a profile's models through its transport with its key; undefined when there is nothing to ask
 * (no key for a profile that needs one). Throws a scrubbed error when the endpoint does not answer.
 */
export type ModelLister = (profile: Profile, signal: AbortSignal) => Promise<readonly string[] | undefined>;

export interface ModelCatalogOptions {
  readonly list: ModelLister;
  readonly settings: () => ModelSettings;
  readonly log: Logger;
  /** How long one listing may take before the fallback is used. Default 3 s. */
  readonly timeoutMs?: number;
  /** How long a listing is trusted. Default 10 minutes. */
  readonly ttlMs?: number;
  /** How long a failure is remembered before asking again. Default 1 minute. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly listed: readonly string[] | undefined;
  readonly at: number;
}

/**
 * The model list per profile: from the profile's `/models` where it answers, cached per profile (and per
 * base URL, so an edited profile is asked again), the profile's own model otherwise.
 */
export class ModelCatalog {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly options: ModelCatalogOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The choice now, from the cache or the fallback; a missing or stale listing is fetched in the background. */
  choice(profile: Profile, selected: string | undefined): ModelChoice {
    const entry = this.cache.get(cacheKey(profile));
    if (listsModels(profile) && (!entry || this.stale(entry))) {
      void this.fetch(profile);
    }
    return this.choose(profile, selected, entry);
  }

  /** The choice once the listing (bounded by the timeout) has answered or failed. */
  async settled(profile: Profile, selected: string | undefined): Promise<ModelChoice> {
    const cached = this.cache.get(cacheKey(profile));
    const entry =
      listsModels(profile) && (!cached || this.stale(cached)) ? await this.fetch(profile) : cached;
    return this.choose(profile, selected, entry);
  }

  /** Calls `listener` whenever a listing changes what a profile offers. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Forgets every listing (a key was set or removed). */
  clear(): void {
    this.cache.clear();
  }

  private choose(profile: Profile, selected: string | undefined, entry: Entry | undefined): ModelChoice {
    const settings = this.options.settings();
    return chooseModels({
      profile,
      listed: entry?.listed,
      selected,
      settingsModel: settings.model,
      settingsModels: settings.models,
      settingsModelConfigured: settings.modelConfigured,
    });
  }

  private stale(entry: Entry): boolean {
    const age = this.now() - entry.at;
    return age > (entry.listed ? (this.options.ttlMs ?? 600_000) : (this.options.retryMs ?? 60_000));
  }

  private fetch(profile: Profile): Promise<Entry> {
    const key = cacheKey(profile);
    const inFlight = this.pending.get(key);
    if (inFlight) {
      return inFlight;
    }
    const run = this.list(profile).then((listed) => {
      const before = this.cache.get(key)?.listed;
      const entry: Entry = { listed, at: this.now() };
      this.cache.set(key, entry);
      this.pending.delete(key);
      if (JSON.stringify(before) !== JSON.stringify(listed)) {
        this.listeners.forEach((l) => l());
      }
      return entry;
    });
    this.pending.set(key, run);
    return run;
  }

  private async list(profile: Profile): Promise<readonly string[] | undefined> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    try {
      const listed = await this.options.list(profile, AbortSignal.timeout(timeoutMs));
      if (listed && listed.length > 0) {
        this.options.log.debug(`Profile '${profile.name}' lists ${listed.length} model(s).`);
        return listed;
      }
      return undefined;
    } catch (error) {
      // The transport scrubs its errors; scrubbing again costs nothing and guards a lister that forgets.
      this.options.log.warn(
        `Could not list the models of profile '${profile.name}' (${new Scrubber().scrubError(error)}); ` +
          "offering the profile's default model instead.",
      );
      return undefined;
    }
  }
}

function cacheKey(profile: Profile): string {
  return JSON.stringify(profile);
}
