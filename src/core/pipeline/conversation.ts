import { randomUUID } from 'node:crypto';
import { RedactionMap } from './redactionMap';

/** A message exactly as it was sent: redacted user turns, and answers as received (with placeholders). */
export interface SentMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * One conversation: its history as sent, and the redaction map that keeps placeholders stable from turn
 * to turn. Answers are kept with their placeholders, so real values never go back to the model.
 */
export class Conversation {
  readonly id = randomUUID();
  readonly map = new RedactionMap();
  private readonly history: SentMessage[] = [];

  /** The previous turns, as they went and came back. */
  get messages(): readonly SentMessage[] {
    return this.history;
  }

  /** Appends one exchange after a successful answer. */
  addExchange(sentUserMessage: string, answer: string): void {
    this.history.push({ role: 'user', content: sentUserMessage }, { role: 'assistant', content: answer });
  }

  /** Puts the real values back into text that carries this conversation's placeholders. Local use only. */
  restore(text: string): string {
    return this.map.restore(text);
  }

  /** Forgets the history and every secret held for restore. */
  clear(): void {
    this.history.length = 0;
    this.map.clear();
  }
}
