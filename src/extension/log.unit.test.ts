// First: installs the fake `vscode` module before the extension modules below load it.
import { channelLines, liveRegistrations, shownErrors } from '../../test/support/fakeVscode';
import * as assert from 'node:assert/strict';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';
import { Scrubber } from '../core/scrub';
import { Log } from './log';

const freshToken = (): string => githubToken('ghp', randomToken(ALNUM, 30));

describe('the log before its scrubber has loaded (it loads just after activation)', () => {
  beforeEach(() => {
    channelLines.length = 0;
    shownErrors.length = 0;
  });
  afterEach(() => assert.deepEqual(liveRegistrations(), []));

  it('holds every write, notification and masked value, then writes them in order, scrubbed', () => {
    const log = new Log();
    const token = freshToken();
    const typedKey = randomToken(ALNUM, 24);
    log.info(`started with ${token}`);
    log.mask(typedKey, 'api-key');
    log.warn('a key of no known shape', new Error(`refused ${typedKey}`));
    log.channel.append(`server says ${token.slice(0, 10)}`);
    log.channel.append(`${token.slice(10)}\n`);
    log.showError('the request failed', new Error(`bad key ${token}`));
    assert.equal(channelLines.length, 0, 'nothing is written before the scrubber');
    assert.equal(shownErrors.length, 0, 'nothing is shown before the scrubber');

    log.useScrubber(new Scrubber());
    const written = channelLines.join('\n');
    assert.ok(!written.includes(token) && !written.includes(typedKey), written);
    assert.ok(!written.includes(token.slice(0, 10) + token.slice(10)));
    assert.deepEqual(
      channelLines.map((line) => line.split(':')[0]),
      ['info', 'warn', 'append', 'error'],
      'in the order written',
    );
    assert.match(channelLines[1]!, /refused ‹redacted:api-key›/);
    assert.equal(shownErrors.length, 1);
    assert.ok(!shownErrors[0]!.includes(token), shownErrors[0]);
    // Once connected, lines go straight through.
    log.info(`later ${token}`);
    assert.equal(channelLines.length, 5);
    assert.ok(!channelLines[4]!.includes(token));
    log.dispose();
  });

  it('drops what it held, unwritten, when the scrubber cannot load', () => {
    const log = new Log();
    const token = freshToken();
    log.info(`held ${token}`);
    log.showError('held too', new Error(token));
    log.scrubberUnavailable();
    log.info(`after ${token}`);
    assert.ok(!channelLines.join('\n').includes(token));
    assert.deepEqual(channelLines, [
      'error: The log is off: its scrubber could not load, so nothing more is written here.',
    ]);
    assert.deepEqual(shownErrors, ['Secure GPT: the log is off (its scrubber could not load).']);
    log.dispose();
  });

  it('holds a bounded number of writes and says how many it dropped', () => {
    const log = new Log();
    for (let i = 0; i < 1005; i++) {
      log.debug(`line ${i}`);
    }
    log.useScrubber(new Scrubber());
    assert.equal(channelLines.length, 1001);
    assert.equal(channelLines[999], 'debug: line 999');
    assert.equal(channelLines[1000], 'warn: 5 log lines written while the log started were dropped.');
    log.dispose();
  });
});
