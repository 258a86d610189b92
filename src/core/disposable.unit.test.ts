import * as assert from 'node:assert/strict';
import type { DisposableLike } from './disposable';
import { Disposable, DisposableStore, toDisposable } from './disposable';

/** Records the order things are released in. */
function tracker(): { log: string[]; item: (name: string) => DisposableLike } {
  const log: string[] = [];
  return { log, item: (name) => ({ dispose: () => void log.push(name) }) };
}

class Owner extends Disposable {
  own<T extends DisposableLike>(item: T): T {
    return this.register(item);
  }
}

describe('Disposable', () => {
  it('releases what it registered, last first', () => {
    const { log, item } = tracker();
    const owner = new Owner();
    owner.own(item('emitter'));
    owner.own(item('listener'));
    owner.own(item('command'));
    assert.equal(owner.isDisposed, false);
    owner.dispose();
    assert.deepEqual(log, ['command', 'listener', 'emitter']);
    assert.equal(owner.isDisposed, true);
  });

  it('releases each item once however often it is disposed', () => {
    const { log, item } = tracker();
    const owner = new Owner();
    owner.own(item('a'));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['a']);
  });

  it('releases the rest when one throws, then throws that error', () => {
    const { log, item } = tracker();
    const owner = new Owner();
    owner.own(item('first'));
    owner.own({
      dispose: () => {
        throw new Error('boom');
      },
    });
    owner.own(item('last'));
    assert.throws(() => owner.dispose(), /boom/);
    assert.deepEqual(log, ['last', 'first']);
    assert.equal(owner.isDisposed, true);
    owner.dispose(); // nothing left to throw
  });

  it('throws all errors together when several throw', () => {
    const owner = new Owner();
    for (const message of ['one', 'two']) {
      owner.own({
        dispose: () => {
          throw new Error(message);
        },
      });
    }
    assert.throws(
      () => owner.dispose(),
      (e: unknown) => e instanceof AggregateError && e.errors.length === 2,
    );
  });

  it('releases at once what is registered after dispose, so nothing outlives its owner', () => {
    const { log, item } = tracker();
    const owner = new Owner();
    owner.dispose();
    const late = owner.own(item('late'));
    assert.deepEqual(log, ['late']);
    assert.equal(typeof late.dispose, 'function');
  });
});

describe('DisposableStore', () => {
  it('clear releases what it holds and keeps taking new items', () => {
    const { log, item } = tracker();
    const store = new DisposableStore();
    store.add(item('a'));
    store.add(item('b'));
    store.clear();
    assert.deepEqual(log, ['b', 'a']);
    store.add(item('c'));
    assert.deepEqual(log, ['b', 'a']);
    store.dispose();
    assert.deepEqual(log, ['b', 'a', 'c']);
    assert.equal(store.isDisposed, true);
  });
});

describe('toDisposable', () => {
  it('runs its release function once', () => {
    let calls = 0;
    const d = toDisposable(() => void calls++);
    d.dispose();
    d.dispose();
    assert.equal(calls, 1);
  });
});
