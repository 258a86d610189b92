import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from './webview';
import { seededFloats } from '../../test/support/seededRandom';

const TYPES = [
  'ready',
  'send',
  'stop',
  'copyCode',
  'insertCode',
  'applyCode',
  'setModel',
  'clearHistory',
  'openLink',
  'runCommand',
  'newChat',
  'openPastChat',
  'closePastChat',
  'attachSelection',
  'attachFile',
  'removeAttachment',
  'eval',
  '',
  '__proto__',
];
const KEYS = [
  'type',
  'text',
  'code',
  'language',
  'model',
  'url',
  'command',
  'id',
  '__proto__',
  'constructor',
  'prototype',
  'extra',
];

function junk(r: () => number, depth = 0): unknown {
  switch (Math.floor(r() * 10)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r() * 1e9 - 5e8;
    case 3:
      return r() < 0.5;
    case 4:
      return 'x'.repeat(Math.floor(r() * 40));
    case 5:
      return TYPES[Math.floor(r() * TYPES.length)];
    case 6:
      return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = Math.floor(r() * 4);
      for (let i = 0; i < n; i++) {
        o[KEYS[Math.floor(r() * KEYS.length)]!] = depth > 3 ? 'deep' : junk(r, depth + 1);
      }
      if (r() < 0.7) {
        o['type'] = TYPES[Math.floor(r() * TYPES.length)];
      }
      return o;
    }
  }
}

describe('webview -> host messages are validated at runtime', () => {
  it('accepts exactly the declared shapes', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'send', text: 'hi' }), { type: 'send', text: 'hi' });
    assert.deepEqual(parseWebviewMessage({ type: 'insertCode', code: 'x()', language: 'ts' }), {
      type: 'insertCode',
      code: 'x()',
      language: 'ts',
    });
  });

  it('drops unknown types, extra fields, wrong types, empty and oversized values', () => {
    for (const bad of [
      null,
      'ready',
      42,
      [],
      {},
      { type: 'eval', code: 'alert(1)' },
      { type: 'ready', extra: 1 },
      { type: 'send', text: '' },
      { type: 'send', text: 7 },
      { type: 'send', text: 'x'.repeat(200_001) },
      { type: 'setModel', model: '' },
      { type: 'openLink' },
      { type: 'copyCode', code: 'x' },
      JSON.parse('{"type":"stop","__proto__":{"polluted":true}}') as unknown,
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
  });

  it('accepts the panel messages of the first-run experience, and only in their declared shapes', () => {
    for (const good of [
      { type: 'runCommand', command: 'secureGpt.setApiKey' },
      { type: 'runCommand', command: 'secureGpt.switchProfile' },
      { type: 'newChat' },
      { type: 'openPastChat', id: 'cmk2x0' },
      { type: 'closePastChat' },
      { type: 'attachSelection' },
      { type: 'attachFile' },
      { type: 'removeAttachment', id: 'a12' },
    ]) {
      assert.deepEqual(parseWebviewMessage(good), good, JSON.stringify(good));
    }
    for (const bad of [
      // The welcome buttons run two named commands; the webview cannot name any other.
      { type: 'runCommand', command: 'secureGpt.removeApiKey' },
      { type: 'runCommand', command: 'workbench.action.terminal.sendSequence' },
      { type: 'runCommand', command: 'secureGpt.setApiKey', args: ['sk-x'] },
      { type: 'runCommand' },
      { type: 'newChat', keep: true },
      { type: 'openPastChat', id: '../../settings.json' },
      { type: 'openPastChat', id: 'c' },
      { type: 'openPastChat', id: 'c'.repeat(40) },
      { type: 'openPastChat' },
      { type: 'attachFile', path: '/etc/passwd' },
      { type: 'attachSelection', text: 'x' },
      { type: 'removeAttachment', id: 'x1' },
      { type: 'removeAttachment', id: 1 },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('survives 20,000 random and malformed messages without throwing', () => {
    const r = seededFloats(20261127);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const value = junk(r);
      const parsed = parseWebviewMessage(value);
      if (parsed) {
        accepted++;
        // Whatever is accepted is one of the declared messages, re-validated from its own output.
        assert.deepEqual(parseWebviewMessage(JSON.parse(JSON.stringify(parsed))), parsed);
      }
    }
    assert.ok(accepted > 0 && accepted < 20_000, `accepted ${accepted}`);
  });
});
