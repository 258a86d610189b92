/**
 * Removing one top-level property from a settings.json (JSON with comments and trailing commas).
 * VS Code's configuration API refuses to write a setting no installed extension registers, so moving
 * another extension's plaintext key out of settings.json has to edit the file itself.
 */

interface Token {
  readonly kind: 'string' | 'punct' | 'literal';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits JSONC into tokens, skipping whitespace and comments; undefined when the text is not JSONC. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        return undefined;
      }
      i = close + 2;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= text.length) {
        return undefined;
      }
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else if ('{}[]:,'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, start: i, end: i + 1 });
      i++;
    } else {
      const match = /^[^\s{}[\]:,"/]+/.exec(text.slice(i));
      if (!match) {
        return undefined;
      }
      tokens.push({ kind: 'literal', text: match[0], start: i, end: i + match[0].length });
      i += match[0].length;
    }
  }
  return tokens;
}

/** Index of the token after the value that starts at `index`, or -1 when it is not one well-formed value. */
function skipValue(tokens: readonly Token[], index: number): number {
  const first = tokens[index];
  if (!first || (first.kind === 'punct' && !'{['.includes(first.text))) {
    return -1;
  }
  const open: string[] = [];
  for (let i = index; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[')) {
      open.push(t.text === '{' ? '}' : ']');
    } else if (t.kind === 'punct' && (t.text === '}' || t.text === ']')) {
      if (open.pop() !== t.text) {
        return -1;
      }
    }
    if (open.length === 0) {
      return i + 1;
    }
  }
  return -1;
}

function decodeKey(token: Token): string | undefined {
  try {
    const value: unknown = JSON.parse(token.text);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns `text` without the top-level property `key` (every occurrence, with its comma and any comment
 * on the rest of its line), or undefined when the text cannot be parsed. Other comments and formatting
 * are kept as they were.
 */
export function removeTopLevelProperty(text: string, key: string): string | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens[0]?.text !== '{') {
    return tokens && tokens.length === 0 ? text : undefined;
  }
  interface Member {
    readonly key: Token;
    readonly valueEnd: number;
    readonly comma: Token | undefined;
    readonly remove: boolean;
  }
  const members: Member[] = [];
  let i = 1;
  while (i < tokens.length && tokens[i]!.text !== '}') {
    const keyToken = tokens[i]!;
    if (keyToken.kind !== 'string' || tokens[i + 1]?.text !== ':') {
      return undefined;
    }
    const after = skipValue(tokens, i + 2);
    if (after < 0) {
      return undefined;
    }
    const comma = tokens[after]?.text === ',' ? tokens[after] : undefined;
    members.push({
      key: keyToken,
      valueEnd: tokens[after - 1]!.end,
      comma,
      remove: decodeKey(keyToken) === key,
    });
    i = comma ? after + 1 : after;
  }
  if (tokens[i]?.text !== '}' || i !== tokens.length - 1) {
    return undefined;
  }
  const cuts: Array<[number, number]> = [];
  members.forEach((member, index) => {
    if (!member.remove) {
      return;
    }
    if (member.comma) {
      cuts.push([lineStart(text, member.key.start), lineEnd(text, member.comma.end)]);
      return;
    }
    // The last member has no comma of its own: drop the comma of the last member that stays instead.
    const kept = members
      .slice(0, index)
      .reverse()
      .find((m) => !m.remove);
    const start = kept?.comma ? kept.comma.start : lineStart(text, member.key.start);
    cuts.push([start, lineEnd(text, member.valueEnd, !kept?.comma)]);
  });
  // Duplicate keys can make neighbouring cuts share a comma: merge overlaps before cutting from the end.
  const merged: Array<[number, number]> = [];
  for (const cut of cuts.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && cut[0] < last[1]) {
      last[1] = Math.max(last[1], cut[1]);
    } else {
      merged.push([cut[0], cut[1]]);
    }
  }
  let out = text;
  for (const [start, end] of merged.reverse()) {
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
}

/** Widens a cut to the start of its line when only indentation precedes it, so no blank line is left. */
function lineStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
    i--;
  }
  return i === 0 || text[i - 1] === '\n' ? i : index;
}

/**
 * Widens a cut over trailing spaces and a same-line comment, and over the newline too when
 * `takeNewline` and nothing else follows on the line.
 */
function lineEnd(text: string, index: number, takeNewline = true): number {
  let i = index;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
    i++;
  }
  // A comment on the rest of the line belongs to the removed member.
  if (text.startsWith('//', i)) {
    const eol = text.indexOf('\n', i);
    i = eol < 0 ? text.length : eol;
  }
  if (!takeNewline) {
    return i === text.length || text[i] === '\n' || text[i] === '\r' ? i : index;
  }
  if (text[i] === '\r') {
    i++;
  }
  return text[i] === '\n' ? i + 1 : index;
}
