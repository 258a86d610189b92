/** Line-editing state of the hidden key prompt. */
export interface PromptState {
  readonly buffer: string;
  /** 'enter' when the line is complete, 'abort' on Ctrl-C or Ctrl-D on an empty line. */
  readonly done?: 'enter' | 'abort';
}

/**
 * Applies one chunk of raw-mode terminal input to the prompt state. Pure, so it is tested without a
 * terminal. Nothing is echoed: the caller writes only the prompt and the final newline.
 */
export function applyKeystrokes(state: PromptState, chunk: string): PromptState {
  let buffer = state.buffer;
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk[i]!;
    if (ch === '\r' || ch === '\n') {
      return { buffer, done: 'enter' };
    }
    if (ch === '\u0003' || (ch === '\u0004' && buffer.length === 0)) {
      return { buffer: '', done: 'abort' };
    }
    if (ch === '\u0004') {
      return { buffer, done: 'enter' };
    }
    if (ch === '\u007f' || ch === '\b') {
      buffer = buffer.slice(0, -1);
    } else if (ch === '\u0015') {
      buffer = '';
    } else if (ch === '\u001b') {
      // Skip an escape sequence (arrow keys, bracketed-paste markers): ESC [ params final-byte.
      // eslint-disable-next-line no-control-regex -- matching the ESC byte is the point
      const match = /^\u001b(?:\[[0-9;?]*[A-Za-z~]|O[A-Za-z])?/.exec(chunk.slice(i));
      i += (match?.[0].length ?? 1) - 1;
    } else if (ch >= ' ') {
      buffer += ch;
    }
  }
  return { buffer };
}

/** The parts of a TTY read stream the prompt needs. */
export interface RawInput extends NodeJS.ReadableStream {
  setRawMode(mode: boolean): unknown;
}

/**
 * Reads one line from a terminal without echoing it. Resolves to undefined when the user aborts.
 * The terminal is always put back in cooked mode, whatever happens.
 */
export function readHiddenLine(
  input: RawInput,
  output: NodeJS.WritableStream,
  prompt: string,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    let state: PromptState = { buffer: '' };
    // Echo goes off before the prompt shows: typed as soon as it appears, the key must not be echoed (a loaded
    // machine ran the test's typing between the two, and the terminal showed the key).
    input.setRawMode(true);
    output.write(prompt);
    const finish = (value: string | undefined): void => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      state = applyKeystrokes(state, chunk.toString());
      if (state.done) {
        finish(state.done === 'enter' ? state.buffer : undefined);
      }
    };
    const onEnd = (): void => finish(state.buffer.length > 0 ? state.buffer : undefined);
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/** Reads all of stdin as text (the `--stdin` and piped cases). */
export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
