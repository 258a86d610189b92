import * as assert from 'node:assert/strict';
import { applyKeystrokes } from './keyPrompt';

describe('hidden key prompt line editing', () => {
  it('collects typed and pasted characters until Enter', () => {
    let state = applyKeystrokes({ buffer: '' }, 'ab');
    state = applyKeystrokes(state, 'cd-EF_12');
    assert.deepEqual(applyKeystrokes(state, '\r'), { buffer: 'abcd-EF_12', done: 'enter' });
  });

  it('handles backspace, Ctrl-U and escape sequences', () => {
    assert.deepEqual(applyKeystrokes({ buffer: '' }, 'abc\u007f\u007fz\n'), { buffer: 'az', done: 'enter' });
    assert.deepEqual(applyKeystrokes({ buffer: 'junk' }, '\u0015ok\r'), { buffer: 'ok', done: 'enter' });
    assert.deepEqual(applyKeystrokes({ buffer: '' }, '\u001b[200~key\u001b[201~\u001b[D\r'), {
      buffer: 'key',
      done: 'enter',
    });
  });

  it('aborts on Ctrl-C and on Ctrl-D at an empty line, and drops what was typed', () => {
    assert.deepEqual(applyKeystrokes({ buffer: 'partial' }, '\u0003'), { buffer: '', done: 'abort' });
    assert.deepEqual(applyKeystrokes({ buffer: '' }, '\u0004'), { buffer: '', done: 'abort' });
    assert.deepEqual(applyKeystrokes({ buffer: 'x' }, '\u0004'), { buffer: 'x', done: 'enter' });
  });
});
