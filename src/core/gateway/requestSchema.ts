import { z } from 'zod';

/** Largest request body the gateway reads; a bigger one is refused before it is parsed. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const content = z.union([z.string(), z.array(z.looseObject({ type: z.string() })), z.null()]);

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: content.optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        type: z.string().optional(),
        function: z.looseObject({ name: z.string().optional(), arguments: z.string().optional() }),
      }),
    )
    .optional(),
  tool_call_id: z.string().optional(),
});

const model = z.string().min(1).max(200);

/** `POST /v1/chat/completions`: what the gateway must understand; other fields pass as they are. */
export const chatRequestSchema = z.looseObject({
  model,
  messages: z.array(message).min(1).max(10_000),
  stream: z.boolean().optional(),
  tools: z.array(z.looseObject({ type: z.string() })).optional(),
});

/** `POST /v1/embeddings`: text inputs only; token arrays would slip past redaction unread. */
export const embeddingsRequestSchema = z.looseObject({
  model,
  input: z.union([z.string(), z.array(z.string()).max(4096)]),
});

/** `POST /v1/responses`: a text or a list of input items; other fields pass as they are. */
export const responsesRequestSchema = z.looseObject({
  model,
  input: z.union([z.string(), z.array(z.looseObject({})).max(10_000)]),
  instructions: z.string().nullable().optional(),
  stream: z.boolean().optional(),
  previous_response_id: z.string().nullable().optional(),
});

/** The first problem of a failed parse, as one short line naming the field (never its value). */
export function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return `${where}: ${issue?.message ?? 'invalid'}`;
}
