// First: installs the fake `vscode` module before the extension modules below load it.
import { fakeVscode, liveRegistrations, shownErrors } from '../../test/support/fakeVscode';
import * as assert from 'node:assert/strict';
import type { DisposableLike } from '../core/disposable';
import { DisposableStore } from '../core/disposable';
import type { LazyPart } from './lazyFeatures';
import { startLazily } from './lazyFeatures';
import type { Log } from './log';

/** A log that keeps what `showError` was given: the one path a load failure takes to the user. */
function recordingLog(): Log & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    show: () => undefined,
    showError: (message: string, error?: unknown) =>
      shown.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  } as unknown as Log & { shown: string[] };
}

/** A part's module that registers `ids`, each answering with its arguments. */
function partModule(ids: readonly string[]): { start(): DisposableLike; calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    start: () =>
      DisposableStore.of(
        ...ids.map((id) =>
          fakeVscode.commands.registerCommand(id, (...args: unknown[]) => {
            calls.push([id, ...args]);
            return `answer of ${id}`;
          }),
        ),
      ),
  };
}

/** A load the test settles when it wants: the window between `activate` returning and the part starting. */
function heldLoad<M>(): { load: () => Promise<M>; release(module: M): void; fail(error: Error): void } {
  let settle: { resolve(module: M): void; reject(error: Error): void } | undefined;
  const loaded = new Promise<M>((resolve, reject) => (settle = { resolve, reject }));
  loaded.catch(() => undefined); // the part under test handles it, one turn later
  return { load: () => loaded, release: (m) => settle?.resolve(m), fail: (e) => settle?.reject(e) };
}

const ready = <T extends DisposableLike>(part: LazyPart<T>): Promise<unknown> =>
  part.ready.then(
    () => 'started',
    () => 'failed',
  );

describe('lazily started features: commands work before, during and after the load', () => {
  beforeEach(() => {
    shownErrors.length = 0;
    assert.deepEqual(liveRegistrations(), [], 'an earlier test left registrations behind');
  });

  it('a command invoked before the part loads waits for it, then runs the real handler with its arguments', async () => {
    const module = partModule(['secureGpt.a', 'secureGpt.b']);
    const held = heldLoad<typeof module>();
    const part = startLazily(recordingLog(), 'the features', {
      commands: ['secureGpt.a', 'secureGpt.b'],
      load: held.load,
      start: (m) => m.start(),
    });
    assert.deepEqual(liveRegistrations(), ['command secureGpt.a', 'command secureGpt.b']);
    const early = fakeVscode.commands.executeCommand('secureGpt.a', { path: '/doc.ts' }, 2);
    held.release(module);
    assert.equal(await early, 'answer of secureGpt.a');
    assert.deepEqual(module.calls, [['secureGpt.a', { path: '/doc.ts' }, 2]]);
    assert.equal(await ready(part), 'started');
    assert.ok(part.startedAt !== undefined);
    // The real handlers now answer directly, once each: the stand-ins are gone.
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.b'), 'answer of secureGpt.b');
    assert.deepEqual(liveRegistrations(), ['command secureGpt.a', 'command secureGpt.b']);
    part.dispose();
    assert.deepEqual(liveRegistrations(), []);
  });

  it('waits for `after` (the chat page) before it loads, unless one of its commands is invoked first', async () => {
    let loads = 0;
    const waiting = startLazily(recordingLog(), 'the features', {
      commands: ['secureGpt.a'],
      load: () => {
        loads++;
        return Promise.resolve(partModule(['secureGpt.a']));
      },
      start: (m) => m.start(),
      after: new Promise<void>(() => undefined), // the page never comes
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(loads, 0, 'nothing is loaded before `after` settles');
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.a', 1), 'answer of secureGpt.a');
    assert.equal(loads, 1, 'a command loads the part at once');
    waiting.dispose();

    let pageSet: () => void = () => undefined;
    const page = new Promise<void>((resolve) => (pageSet = resolve));
    const later = startLazily(recordingLog(), 'the features', {
      commands: ['secureGpt.a'],
      load: () => {
        loads++;
        return Promise.resolve(partModule(['secureGpt.a']));
      },
      start: (m) => m.start(),
      after: page,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(loads, 1);
    pageSet();
    assert.equal(await ready(later), 'started');
    assert.equal(loads, 2, 'loaded once `after` settled, and once only');
    later.dispose();
    assert.deepEqual(liveRegistrations(), []);
  });

  it('a command the entry registered itself gets no stand-in and keeps its handler', async () => {
    const own = fakeVscode.commands.registerCommand('secureGpt.showLog', () => 'log shown');
    const module = partModule(['secureGpt.a']);
    const part = startLazily(recordingLog(), 'the features', {
      commands: ['secureGpt.showLog', 'secureGpt.a'],
      load: () => Promise.resolve(module),
      start: (m) => m.start(),
    });
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.showLog'), 'log shown');
    assert.equal(await ready(part), 'started');
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.showLog'), 'log shown');
    part.dispose();
    own.dispose();
    assert.deepEqual(liveRegistrations(), []);
  });

  it('a bundle that fails to load is reported once, and its commands say they are unavailable', async () => {
    const log = recordingLog();
    const held = heldLoad<never>();
    const part = startLazily(log, 'the features', {
      commands: ['secureGpt.a'],
      load: held.load,
      start: () => assert.fail('nothing loaded to start'),
    });
    const early = fakeVscode.commands.executeCommand('secureGpt.a', 'typed text');
    held.fail(new Error("Cannot find module './ext/features.js'"));
    assert.equal(await early, undefined);
    assert.equal(await ready(part), 'failed');
    assert.deepEqual(log.shown, ["the features could not start: Cannot find module './ext/features.js'"]);
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.a'), undefined);
    assert.equal(shownErrors.length, 2);
    for (const message of shownErrors) {
      assert.match(message, /'secureGpt\.a' is unavailable: the features could not start/);
      assert.doesNotMatch(message, /typed text/, 'a command never echoes its arguments');
    }
    assert.deepEqual(liveRegistrations(), ['command secureGpt.a']);
    part.dispose();
    assert.deepEqual(liveRegistrations(), []);
  });

  it('a part that throws while starting releases what it registered, and the stand-ins come back', async () => {
    const log = recordingLog();
    const part = startLazily(log, 'the features', {
      commands: ['secureGpt.a', 'secureGpt.b'],
      load: () => Promise.resolve(undefined),
      start: () => {
        const first = fakeVscode.commands.registerCommand('secureGpt.a', () => 'half started');
        first.dispose(); // what features.ts does with its owners when a later step throws
        throw new Error('the key store could not open');
      },
    });
    assert.equal(await ready(part), 'failed');
    assert.deepEqual(log.shown, ['the features could not start: the key store could not open']);
    assert.deepEqual(liveRegistrations(), ['command secureGpt.a', 'command secureGpt.b']);
    assert.equal(await fakeVscode.commands.executeCommand('secureGpt.a'), undefined);
    part.dispose();
    assert.deepEqual(liveRegistrations(), []);
  });

  it('deactivated before the bundle arrives: nothing starts', async () => {
    const held = heldLoad<undefined>();
    let started = false;
    const part = startLazily(recordingLog(), 'the features', {
      commands: ['secureGpt.a'],
      load: held.load,
      start: () => {
        started = true;
        return DisposableStore.of();
      },
    });
    part.dispose();
    assert.deepEqual(liveRegistrations(), []);
    held.release(undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(started, false);
  });
});
