/** A user's JSON file that does not parse; the message names the file, line and column, never its text. */
export class JsonFileError extends Error {}

/** Where a syntax error is, 1-based. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Thrown inside the walk only, to unwind to where the offset is read. */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first JSON syntax error in `text`, or undefined when it parses. V8's `JSON.parse` messages
 * quote the text around the error ("Unexpected token 'x', "...a fragment..." is not valid JSON"), and the
 * fragment can be a secret: so the position comes from this small walk of the grammar instead of the message.
 */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (at = i): never => {
    throw new SyntaxAt(at);
  };
  const space = (): void => {
    while (i < text.length && WHITESPACE.has(text[i]!)) {
      i++;
    }
  };
  const expect = (char: string): void => {
    space();
    if (text[i] !== char) {
      fail();
    }
    i++;
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') {
        fail();
      } else if (c === '"') {
        i++;
        return;
      } else if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = i + 2; k < i + 6; k++) {
            if (!/[0-9a-fA-F]/.test(text[k] ?? '')) {
              fail(k);
            }
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(i + 1);
        }
      } else {
        i++;
      }
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') {
            fail();
          }
          string();
          expect(':');
        }
        value();
        space();
        if (text[i] === ',') {
          i++;
        } else if (text[i] === close) {
          i++;
          return;
        } else {
          fail();
        }
      }
    } else if (c === '"') {
      string();
    } else {
      const word = ['true', 'false', 'null'].find((w) => w[0] === c);
      if (word) {
        // Like V8: a misspelt literal is reported at its first wrong character.
        for (const expected of word) {
          if (text[i] !== expected) {
            fail();
          }
          i++;
        }
        return;
      }
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) {
        fail();
      }
      i = NUMBER.lastIndex;
      if (text[i] !== undefined && /[\d.eE+-]/.test(text[i]!)) {
        fail();
      }
    }
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (error) {
    if (error instanceof SyntaxAt) {
      return error.offset;
    }
    throw error;
  }
}

/** Line and column (1-based) of `offset` in `text`. */
export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * Parses the JSON text of a user's file (an allowlist, a config, a profiles file). On a syntax error it throws
 * `JsonFileError` naming `source` and the line and column, and nothing of the text: files like these sit next to
 * keys, and an error message travels to logs and terminals.
 */
export function parseJsonFile(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const offset = syntaxErrorOffset(text) ?? text.length;
    const { line, column } = positionOf(text, offset);
    throw new JsonFileError(`${source}: not valid JSON (line ${line}, column ${column})`);
  }
}
