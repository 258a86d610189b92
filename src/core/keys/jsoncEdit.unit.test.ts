import * as assert from 'node:assert/strict';
import { removeTopLevelProperty } from './jsoncEdit';

describe('removeTopLevelProperty', () => {
  it('removes a middle member with its comma and keeps comments and formatting', () => {
    const text =
      '{\n  // editor\n  "editor.tabSize": 2,\n  "chatgpt.apiKey": "value-1", // old\n  "a.b": [1, {"c": "}"}]\n}\n';
    const out = removeTopLevelProperty(text, 'chatgpt.apiKey');
    assert.equal(out, '{\n  // editor\n  "editor.tabSize": 2,\n  "a.b": [1, {"c": "}"}]\n}\n');
    assert.deepEqual(Object.keys(JSON.parse(out.replace(/\/\/.*$/gm, '')) as object), [
      'editor.tabSize',
      'a.b',
    ]);
  });

  it('removes the last member and the comma before it', () => {
    const out = removeTopLevelProperty('{\n  "x": true,\n  "openai.apiKey": "v"\n}', 'openai.apiKey');
    assert.deepEqual(JSON.parse(out!), { x: true });
  });

  it('removes the only member, duplicates, and members after a trailing comma', () => {
    assert.deepEqual(JSON.parse(removeTopLevelProperty('{ "k": "v" }', 'k')!), {});
    const dup = removeTopLevelProperty('{"a":1,"k":"1","k":"2"}', 'k');
    assert.deepEqual(JSON.parse(dup!), { a: 1 });
    const trailing = removeTopLevelProperty('{\n "k": {"n": [1,2]},\n "z": 0,\n}', 'k');
    assert.equal(trailing, '{\n "z": 0,\n}');
  });

  it('leaves nested keys with the same name and strings that look like keys alone', () => {
    const text = '{"outer": {"k": 1}, "note": "\\"k\\": 2"}';
    assert.equal(removeTopLevelProperty(text, 'k'), text);
  });

  it('returns undefined for text it cannot parse', () => {
    assert.equal(removeTopLevelProperty('{"k": "unterminated}', 'k'), undefined);
    assert.equal(removeTopLevelProperty('[1,2]', 'k'), undefined);
    assert.equal(removeTopLevelProperty('{"k": [1,}', 'k'), undefined);
  });
});
