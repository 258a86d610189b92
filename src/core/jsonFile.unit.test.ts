import * as assert from 'node:assert/strict';
import { githubToken } from './detect/checksum';
import { ALNUM, randomToken } from './detect/random';
import { JsonFileError, parseJsonFile, positionOf } from './jsonFile';

/** The message `parseJsonFile` throws for `text`, or undefined when it parses. */
function errorOf(text: string): string | undefined {
  try {
    parseJsonFile(text, 'config.json');
    return undefined;
  } catch (error) {
    assert.ok(error instanceof JsonFileError);
    return error.message;
  }
}

/** Whether `text` holds any 8 characters in a row of `secret`. */
function holdsPartOf(text: string, secret: string): boolean {
  for (let i = 0; i + 8 <= secret.length; i++) {
    if (text.includes(secret.slice(i, i + 8))) {
      return true;
    }
  }
  return false;
}

describe('parseJsonFile: a broken user file is reported by position, never by its text', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{ "a": [1, -2.5e3, true, false, null, "x\\u0041\\n"], "b": {} }';
    assert.deepEqual(parseJsonFile(text, 'f.json'), JSON.parse(text));
  });

  it('names the file, line and column of the error', () => {
    assert.equal(errorOf('{\n  "a": 1\n  "b": 2\n}'), 'config.json: not valid JSON (line 3, column 3)');
    assert.equal(errorOf('{ "a": tru }'), 'config.json: not valid JSON (line 1, column 11)');
    assert.equal(errorOf(''), 'config.json: not valid JSON (line 1, column 1)');
    assert.equal(errorOf('{ "a": 1 } x'), 'config.json: not valid JSON (line 1, column 12)');
  });

  it('quotes no part of a secret for any one-character break of a file that holds one', () => {
    // V8's own message quotes the text ("Unexpected token 'x', "…" is not valid JSON"): this is the case to beat.
    const secret = githubToken('ghp', randomToken(ALNUM, 30));
    const valid = `{\n  "profiles": [{ "name": "work", "key": "${secret}", "n": 12 }],\n  "on": true\n}`;
    let broken = 0;
    const variants: string[] = [];
    for (let i = 0; i < valid.length; i++) {
      variants.push(valid.slice(0, i) + valid.slice(i + 1));
      for (const c of ['x', '"', ',', '}', '\\']) {
        variants.push(valid.slice(0, i) + c + valid.slice(i));
      }
    }
    for (const text of variants) {
      let v8: string | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        v8 = (error as Error).message;
      }
      const ours = errorOf(text);
      assert.equal(ours === undefined, v8 === undefined, `parses differently from JSON.parse: ${text}`);
      if (ours === undefined || v8 === undefined) {
        continue;
      }
      broken++;
      assert.ok(!holdsPartOf(ours, secret), ours);
      // Where V8 gives a position, ours is the same place.
      const at = /at position (\d+)/.exec(v8);
      if (at) {
        const { line, column } = positionOf(text, Number(at[1]));
        assert.ok(ours.endsWith(`(line ${line}, column ${column})`), `${ours} vs ${v8}`);
      }
    }
    assert.ok(broken > valid.length, `only ${broken} variants were broken`);
  });
});
