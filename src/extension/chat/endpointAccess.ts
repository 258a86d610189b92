import type { ModelChoice } from '../../core/openai/modelChoice';
import type { Provider } from '../../core/openai/provider';

/** Who answers and with what key: the key is read when `withProvider` runs and dropped when it returns. */
export interface EndpointAccess {
  /** The active profile's name, and the model it pins, if any. */
  active(): { readonly profile: string; readonly model: string | undefined };
  /**
   * Builds the provider of the active profile with its key read now (dry-run when there is none to
   * read), runs `fn`, and lets the provider and key go.
   */
  withProvider<T>(fn: (provider: Provider) => Promise<T>): Promise<T>;
  /** The active profile's model list now (its `/models` once listed, else its default); `selected` is the chat's pick. */
  models(selected: string | undefined): ModelChoice;
  /** The model a request names: waits (briefly) for the active profile's `/models` the first time. */
  model(selected: string | undefined): Promise<string>;
  /** Calls `listener` when a listing changes what the picker should offer. */
  onDidChangeModels(listener: () => void): { dispose(): void };
}
