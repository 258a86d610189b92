import type { RedactedText } from '../pipeline/redact';
import type { RedactionMap } from '../pipeline/redactionMap';

/** Strings shorter than this are redacted again each time: cheaper than remembering them. */
const MIN_LENGTH = 64;
/** Strings remembered per conversation, oldest forgotten first. */
const MAX_ENTRIES = 256;

interface Remembered {
  generation: number;
  readonly byText: Map<string, RedactedText>;
}

/**
 * What each string of a conversation redacted to. A client resends its whole history (and a long system
 * prompt) with every request, and redacting it all again was the larger part of the gateway's own time
 * before the first token. A string redacts to the same result against the same map as long as the map is
 * not cleared: its placeholders were issued the first time, and the map only adds. In memory only, like
 * the map, and gone with the conversation (the cache is keyed weakly by its map).
 */
export class RedactionCache {
  private readonly byMap = new WeakMap<RedactionMap, Remembered>();

  /** `redact(text)`, or what it gave last time for this text and map. */
  redact(text: string, map: RedactionMap, redact: () => RedactedText): RedactedText {
    if (text.length < MIN_LENGTH) {
      return redact();
    }
    let remembered = this.byMap.get(map);
    if (!remembered || remembered.generation !== map.generation) {
      remembered = { generation: map.generation, byText: new Map() };
      this.byMap.set(map, remembered);
    }
    const known = remembered.byText.get(text);
    if (known) {
      // Most recently used last, so that the oldest is the one forgotten.
      remembered.byText.delete(text);
      remembered.byText.set(text, known);
      return known;
    }
    const result = redact();
    remembered.byText.set(text, result);
    if (remembered.byText.size > MAX_ENTRIES) {
      remembered.byText.delete(remembered.byText.keys().next().value!);
    }
    return result;
  }
}
