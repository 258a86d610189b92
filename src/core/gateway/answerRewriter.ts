import type { AnswerSecret } from '../pipeline/answerScrubber';
import { AnswerScrubber } from '../pipeline/answerScrubber';
import type { RedactionMap } from '../pipeline/redactionMap';
import { AnswerField } from './placeholderRestorer';

type Json = Record<string, unknown>;

/**
 * Rewrites one answer on its way down to the client. The text of each choice and the arguments of each
 * tool call are masked and restored as streams of their own (they interleave in chunks); every other
 * string (ids, names, the model, an error) is masked only, never restored.
 */
export class AnswerRewriter {
  private readonly fields = new Map<string, AnswerField>();
  private readonly scrubber: AnswerScrubber;

  constructor(
    private readonly secrets: readonly AnswerSecret[],
    private readonly map: RedactionMap,
  ) {
    this.scrubber = new AnswerScrubber(secrets);
  }

  /** Every string masked, nothing restored: errors and listings. */
  maskAll<T>(value: T): T {
    return mapStrings(value, (s) => this.scrubber.scrub(s)) as T;
  }

  /** A whole (non-streamed) chat completion. */
  completion(body: Json): Json {
    const out = this.maskAll(body);
    for (const choice of arrayOf(body['choices']).map(recordOf)) {
      const target = arrayOf(out['choices'])
        .map(recordOf)
        .find((c) => c['index'] === choice['index']);
      const message = recordOf(choice['message']);
      const outMessage = recordOf(target?.['message']);
      if (typeof message['content'] === 'string') {
        outMessage['content'] = new AnswerField(this.secrets, this.map).whole(message['content']);
      }
      arrayOf(message['tool_calls']).forEach((call, i) => {
        const args = recordOf(recordOf(call)['function'])['arguments'];
        const outFn = recordOf(recordOf(arrayOf(outMessage['tool_calls'])[i])['function']);
        if (typeof args === 'string') {
          outFn['arguments'] = new AnswerField(this.secrets, this.map, 'json-string').whole(args);
        }
      });
    }
    return out;
  }

  /**
   * One streamed chunk. Text held back (a placeholder or a value still arriving) comes out in a later
   * chunk, at the latest in the one that finishes its choice.
   */
  chunk(body: Json): Json {
    const out = this.maskAll(body);
    arrayOf(body['choices']).forEach((raw, i) => {
      const choice = recordOf(raw);
      const index = typeof choice['index'] === 'number' ? choice['index'] : 0;
      const outChoice = recordOf(arrayOf(out['choices'])[i]);
      const delta = recordOf(choice['delta']);
      const outDelta = recordOf(outChoice['delta']);
      if (typeof delta['content'] === 'string') {
        outDelta['content'] = this.field(`${index}`, 'text').push(delta['content']);
      }
      arrayOf(delta['tool_calls']).forEach((call, j) => {
        const c = recordOf(call);
        const args = recordOf(c['function'])['arguments'];
        if (typeof args === 'string') {
          const outFn = recordOf(recordOf(arrayOf(outDelta['tool_calls'])[j])['function']);
          outFn['arguments'] = this.field(
            `${index}.${typeof c['index'] === 'number' ? c['index'] : j}`,
            'json-string',
          ).push(args);
        }
      });
      if (choice['finish_reason'] !== null && choice['finish_reason'] !== undefined) {
        this.flushChoice(index, outDelta);
      }
    });
    return out;
  }

  /** What is still held for any choice, as a chunk to send before an error or the end (or undefined). */
  rest(template: Json): Json | undefined {
    const delta: Json = {};
    for (const index of new Set([...this.fields.keys()].map((k) => Number(k.split('.')[0])))) {
      this.flushChoice(index, delta);
    }
    if (Object.keys(delta).length === 0) {
      return undefined;
    }
    return { ...this.maskAll(template), choices: [{ index: 0, delta, finish_reason: null }] };
  }

  private field(key: string, encoding: 'text' | 'json-string'): AnswerField {
    let field = this.fields.get(key);
    if (!field) {
      field = new AnswerField(this.secrets, this.map, encoding);
      this.fields.set(key, field);
    }
    return field;
  }

  /** Appends what choice `index` still holds to `delta`: its text, then each tool call's arguments. */
  private flushChoice(index: number, delta: Json): void {
    for (const [key, field] of [...this.fields]) {
      const [choice, call] = key.split('.');
      if (Number(choice) !== index) {
        continue;
      }
      this.fields.delete(key);
      const rest = field.flush();
      if (rest.length === 0) {
        continue;
      }
      if (call === undefined) {
        delta['content'] = `${typeof delta['content'] === 'string' ? delta['content'] : ''}${rest}`;
        continue;
      }
      const calls = Array.isArray(delta['tool_calls']) ? (delta['tool_calls'] as Json[]) : [];
      delta['tool_calls'] = calls;
      const existing = calls.find((c) => c['index'] === Number(call));
      if (existing) {
        const fn = recordOf(existing['function']);
        existing['function'] = {
          ...fn,
          arguments: `${typeof fn['arguments'] === 'string' ? fn['arguments'] : ''}${rest}`,
        };
      } else {
        calls.push({ index: Number(call), function: { arguments: rest } });
      }
    }
  }
}

/** `value` with every string in it passed through `f`. */
export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') {
    return f(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => mapStrings(v, f));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  }
  return value;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object itself (so writes land in it), or a throwaway one when `value` is not an object. */
function recordOf(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
