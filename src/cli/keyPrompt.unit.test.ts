import * as assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { applyKeystrokes, readHiddenLine } from './keyPrompt';

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

describe('hidden key prompt on a terminal', () => {
  it('turns echo off before the prompt shows, and back on when the line is read', async () => {
    const events: string[] = [];
    const input = Object.assign(new PassThrough(), {
      setRawMode(mode: boolean): unknown {
        events.push(`raw ${mode}`);
        return input;
      },
    });
    const output = new Writable({
      write(chunk: Buffer, _encoding, done): void {
        events.push(`write ${JSON.stringify(chunk.toString())}`);
        done();
      },
    });
    const line = readHiddenLine(input, output, 'Key (input hidden): ');
    input.write('typed\r');
    assert.equal(await line, 'typed');
    assert.deepEqual(events, ['raw true', 'write "Key (input hidden): "', 'raw false', 'write "\\n"']);
  });
});
