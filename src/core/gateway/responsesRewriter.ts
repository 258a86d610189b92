import type { AnswerSecret } from '../pipeline/answerScrubber';
import type { RedactionMap } from '../pipeline/redactionMap';
import { AnswerRewriter } from './answerRewriter';
import { AnswerField } from './placeholderRestorer';

type Json = Record<string, unknown>;

/**
 * Rewrites a Responses API answer on its way down: output text and function-call arguments are masked
 * and restored (delta by delta when streamed, each `.done` and the final response whole), every other
 * string masked only. A field's held-back tail goes out as one more delta just before its `.done` event.
 */
export class ResponsesRewriter {
  /** The chat rewriter underneath, for what is masked only (errors). */
  readonly plain: AnswerRewriter;
  private readonly fields = new Map<string, AnswerField>();

  constructor(
    private readonly secrets: readonly AnswerSecret[],
    private readonly map: RedactionMap,
    /**
     * Told the id the upstream gave the response as soon as it is seen, before the client can send a
     * follow-up with `previous_response_id`.
     */
    private readonly onResponseId: (id: string) => void = () => undefined,
  ) {
    this.plain = new AnswerRewriter(secrets, map);
  }

  maskAll<T>(value: T): T {
    return this.plain.maskAll(value);
  }

  /** A whole response object: each output message's text and each function call's arguments restored. */
  response(body: Json): Json {
    if (typeof body['id'] === 'string') {
      this.onResponseId(body['id']);
    }
    const out = this.plain.maskAll(body);
    const items = Array.isArray(body['output']) ? (body['output'] as Json[]) : [];
    const outItems = Array.isArray(out['output']) ? (out['output'] as Json[]) : [];
    items.forEach((item, i) => (outItems[i] = this.item(item)));
    return out;
  }

  /** One streamed event, as the events to send in its place (usually one). */
  event(event: Json): Json[] {
    const type = typeof event['type'] === 'string' ? event['type'] : '';
    const out = this.plain.maskAll(event);
    const key = `${idOf(event['item_id'] ?? event['output_index'])}.${idOf(event['content_index'])}`;
    switch (type) {
      case 'response.output_text.delta':
      case 'response.function_call_arguments.delta': {
        const json = type.startsWith('response.function_call');
        out['delta'] = this.field(key, json).push(typeof event['delta'] === 'string' ? event['delta'] : '');
        return [out];
      }
      case 'response.output_text.done':
      case 'response.function_call_arguments.done': {
        const json = type.startsWith('response.function_call');
        const rest = this.fields.get(key)?.flush() ?? '';
        this.fields.delete(key);
        const whole = json ? 'arguments' : 'text';
        if (typeof event[whole] === 'string') {
          out[whole] = this.whole(event[whole], json);
        }
        if (!rest) {
          return [out];
        }
        const tail: Json = { ...out, type: type.replace('.done', '.delta'), delta: rest };
        delete tail[whole];
        return [tail, out];
      }
      case 'response.content_part.done': {
        const part = event['part'] as Json | undefined;
        if (part && typeof part['text'] === 'string') {
          out['part'] = { ...(out['part'] as Json), text: this.whole(part['text'], false) };
        }
        return [out];
      }
      case 'response.output_item.done':
        return [{ ...out, item: this.item((event['item'] as Json | undefined) ?? {}) }];
      case 'response.created':
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        return [{ ...out, response: this.response((event['response'] as Json | undefined) ?? {}) }];
      default:
        return [out];
    }
  }

  private item(item: Json): Json {
    const out = this.plain.maskAll(item);
    if (item['type'] === 'function_call' && typeof item['arguments'] === 'string') {
      out['arguments'] = this.whole(item['arguments'], true);
    }
    if (item['type'] === 'message' && Array.isArray(item['content'])) {
      out['content'] = (item['content'] as Json[]).map((part, i) => {
        const masked = (out['content'] as Json[])[i]!;
        return typeof part['text'] === 'string'
          ? { ...masked, text: this.whole(part['text'], false) }
          : masked;
      });
    }
    return out;
  }

  private whole(text: string, json: boolean): string {
    return new AnswerField(this.secrets, this.map, json ? 'json-string' : 'text').whole(text);
  }

  private field(key: string, json: boolean): AnswerField {
    let field = this.fields.get(key);
    if (!field) {
      field = new AnswerField(this.secrets, this.map, json ? 'json-string' : 'text');
      this.fields.set(key, field);
    }
    return field;
  }
}

function idOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
