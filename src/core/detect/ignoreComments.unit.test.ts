import * as assert from 'node:assert/strict';
import { ignoredByComment } from './ignoreComments';
import { lineStarts } from './scanner';

/** Whether a finding of `ruleId` on the line holding `needle` is ignored in `text`. */
function ignored(text: string, needle: string, ruleId = 'github-pat'): boolean {
  const starts = lineStarts(text);
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `fixture has no ${needle}`);
  const line = starts.filter((s) => s <= at).length - 1;
  return ignoredByComment(text, starts, line, ruleId);
}

describe('ignore comments', () => {
  it('honours secure-gpt-ignore on the same line, in any comment syntax and case', () => {
    assert.ok(ignored('const t = "VALUE"; // secure-gpt-ignore', 'VALUE'));
    assert.ok(ignored('token: VALUE  # Secure-GPT-Ignore', 'VALUE'));
    assert.ok(ignored('<add key="t" value="VALUE" /> <!-- secure-gpt-ignore -->', 'VALUE'));
  });

  it('honours secure-gpt-ignore on a comment-only line just above', () => {
    assert.ok(ignored('// secure-gpt-ignore\nconst t = "VALUE";', 'VALUE'));
    assert.ok(ignored('    # secure-gpt-ignore: test fixture\n    token = "VALUE"', 'VALUE'));
    assert.ok(ignored('{/* secure-gpt-ignore */}\n<Key value="VALUE" />', 'VALUE'));
    assert.ok(!ignored('/*\n * secure-gpt-ignore\n */\nVALUE', 'VALUE'), 'only the very next line');
  });

  it('does not let a trailing comment for one key hide the key on the next line', () => {
    const text = 'const a = "FIRST"; // secure-gpt-ignore\nconst b = "SECOND";';
    assert.ok(ignored(text, 'FIRST'));
    assert.ok(!ignored(text, 'SECOND'));
  });

  it('limits secure-gpt-ignore: ids to those rules', () => {
    const text = 'x = "VALUE" // secure-gpt-ignore: github-pat, slack-bot-token';
    assert.ok(ignored(text, 'VALUE', 'github-pat'));
    assert.ok(ignored(text, 'VALUE', 'slack-bot-token'));
    assert.ok(!ignored(text, 'VALUE', 'openai-api-key'));
    assert.ok(ignored('# secure-gpt-ignore: openai-api-key\nVALUE', 'VALUE', 'openai-api-key'));
    assert.ok(!ignored('# secure-gpt-ignore: openai-api-key\nVALUE', 'VALUE', 'github-pat'));
    assert.ok(ignored('x = "VALUE" /* secure-gpt-ignore: jwt */', 'VALUE', 'jwt'));
    assert.ok(!ignored('x = "VALUE" /* secure-gpt-ignore: jwt -- rotated */', 'VALUE', 'github-pat'));
    assert.ok(
      ignored('x = "VALUE" // secure-gpt-ignore: test fixture', 'VALUE', 'github-pat'),
      'a reason, not ids',
    );
  });

  it("honours the other scanners' same-line comments", () => {
    assert.ok(ignored('token = "VALUE" # gitleaks:allow', 'VALUE'));
    assert.ok(ignored('token = "VALUE"  # pragma: allowlist secret', 'VALUE'));
    assert.ok(ignored('const t = "VALUE"; // secretlint-disable-line', 'VALUE'));
    assert.ok(ignored('token = "VALUE" # trufflehog:ignore', 'VALUE'));
    assert.ok(!ignored('token = "OTHER"\ntoken = "VALUE" # gitleaks:allow', 'OTHER'), 'same line only');
  });

  it("honours the other scanners' next-line comments", () => {
    assert.ok(ignored('// secretlint-disable-next-line\nconst t = "VALUE";', 'VALUE'));
    assert.ok(ignored('# pragma: allowlist nextline secret\ntoken = "VALUE"', 'VALUE'));
    assert.ok(!ignored('// secretlint-disable-next-line\nconst a = 1;\nconst t = "VALUE";', 'VALUE'));
  });

  it('ignores nothing without a marker, and reads both ends of a very long line', () => {
    assert.ok(!ignored('// ignore me\nconst t = "VALUE";', 'VALUE'));
    assert.ok(!ignored('VALUE', 'VALUE'));
    const long = `x = "VALUE"${' '.repeat(20000)}// secure-gpt-ignore`;
    assert.ok(ignored(long, 'VALUE'));
  });

  it('answers each line and rule of the text being scanned once, and never from another text', () => {
    const marked = 'a = "VALUE" // secure-gpt-ignore: github-pat\nb = "OTHER"';
    const starts = lineStarts(marked);
    // Asked again for the same line and rule, for another rule, and for the next line: each its own answer.
    assert.ok(ignoredByComment(marked, starts, 0, 'github-pat'));
    assert.ok(ignoredByComment(marked, starts, 0, 'github-pat'));
    assert.ok(!ignoredByComment(marked, starts, 0, 'slack-token'));
    assert.ok(!ignoredByComment(marked, starts, 1, 'github-pat'));
    // The same line starts with another text of the same length (an edit), then the first text scanned again.
    const unmarked = marked.replace('secure-gpt-ignore', 'secure-gpt-ignorx');
    assert.ok(!ignoredByComment(unmarked, lineStarts(unmarked), 0, 'github-pat'));
    assert.ok(ignoredByComment(marked, lineStarts(marked), 0, 'github-pat'));
  });
});
