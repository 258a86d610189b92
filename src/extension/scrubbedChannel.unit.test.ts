import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';
import { withError } from '../core/log';
import { Scrubber } from '../core/scrub';
import { scrubbedLogChannel } from './scrubbedChannel';

/** A LogOutputChannel stand-in that records every write, as the raw channel VS Code gives the Log would. */
function recordingChannel(): { channel: vscode.LogOutputChannel; written: string[] } {
  const written: string[] = [];
  const record = (value: string | Error): void => {
    written.push(typeof value === 'string' ? value : value.message);
  };
  const channel = {
    name: 'Secure GPT',
    logLevel: 2,
    onDidChangeLogLevel: () => ({ dispose: () => undefined }),
    trace: record,
    debug: record,
    info: record,
    warn: record,
    error: record,
    append: record,
    appendLine: record,
    replace: record,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  } as unknown as vscode.LogOutputChannel;
  return { channel, written };
}

const freshToken = (): string => githubToken('ghp', randomToken(ALNUM, 30));

describe('the log channel scrubs every line it writes', () => {
  it('masks a secret in each log level, in an Error, and in extra arguments', () => {
    const { channel, written } = recordingChannel();
    const log = scrubbedLogChannel(channel, new Scrubber());
    const token = freshToken();
    log.trace(`trace ${token}`);
    log.debug(`debug ${token}`);
    log.info(`info ${token}`);
    log.warn(`warn ${token}`);
    log.error(new Error(`error ${token}`));
    log.info('with arguments', token, { header: `token ${token}` });
    assert.equal(written.length, 6);
    for (const line of written) {
      assert.ok(!line.includes(token), line);
      assert.match(line, /‹redacted:github-pat›/);
    }
  });

  it("masks a secret in a raw `String(error)` a caller logs, the error's own text included", () => {
    const { channel, written } = recordingChannel();
    const log = scrubbedLogChannel(channel, new Scrubber());
    const token = freshToken();
    const error = new Error(`request to https://example.invalid/?t=${token} failed\n    at stack frame`);
    log.error(`Retention failed: ${String(error)}`);
    log.warn(withError('Could not remove the key', error));
    assert.ok(written.every((line) => !line.includes(token)));
    assert.ok(!written[1]?.includes('stack frame'), 'withError keeps the first line only');
  });

  it('masks a secret that the server process writes in two chunks, cut in the middle', () => {
    const { channel, written } = recordingChannel();
    const log = scrubbedLogChannel(channel, new Scrubber());
    const token = freshToken();
    const half = token.length / 2;
    log.append(`[stderr] leaked ${token.slice(0, half)}`);
    assert.deepEqual(written, [], 'an unfinished line is held back');
    log.append(`${token.slice(half)} here\nnext`);
    log.appendLine(' line');
    const text = written.join('');
    assert.ok(!text.includes(token.slice(0, half)) && !text.includes(token.slice(half)), text);
    assert.match(text, /leaked ‹redacted:github-pat› here\nnext line/);
  });

  it('masks the protocol trace the language client writes as a prefix and a JSON line', () => {
    const { channel, written } = recordingChannel();
    const log = scrubbedLogChannel(channel, new Scrubber());
    const token = freshToken();
    log.append('[LSP   - 12:00:00] ');
    log.appendLine(JSON.stringify({ params: { textDocument: { text: `token = "${token}"` } } }));
    assert.equal(written.length, 1);
    assert.ok(!written[0]?.includes(token));
    assert.match(written[0] ?? '', /^\[LSP {3}- 12:00:00\] .*‹redacted:github-pat›/);
  });

  it('writes a held partial line when the channel is shown or disposed, scrubbed', () => {
    const { channel, written } = recordingChannel();
    const log = scrubbedLogChannel(channel, new Scrubber());
    const token = freshToken();
    log.append(`last words ${token}`);
    log.show();
    log.append('more');
    log.dispose();
    assert.deepEqual(written, ['last words ‹redacted:github-pat›', 'more']);
  });

  it("masks the log's known values, which detection alone would not find", () => {
    const { channel, written } = recordingChannel();
    const value = `local${randomToken(ALNUM, 24)}`;
    const log = scrubbedLogChannel(channel, new Scrubber([{ value, label: 'api-key' }]));
    log.info(`key is ${value}`);
    log.appendLine(`again ${value}`);
    assert.deepEqual(written, ['key is ‹redacted:api-key›', 'again ‹redacted:api-key›']);
  });
});
