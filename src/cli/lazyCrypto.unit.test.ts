import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as lazy from './lazyCrypto';

describe('lazyCrypto: node:crypto on first call, for the CLI bundles', () => {
  it('calls through with the arguments as given, overloads included', () => {
    const digest = (lazy.createHash('sha256') as crypto.Hash).update('abc').digest('hex');
    assert.equal(digest, crypto.createHash('sha256').update('abc').digest('hex'));
    const mac = (lazy.createHmac('sha256', 'k') as crypto.Hmac).update('abc').digest('hex');
    assert.equal(mac, crypto.createHmac('sha256', 'k').update('abc').digest('hex'));
    for (let i = 0; i < 50; i++) {
      const one = lazy.randomInt(3) as number;
      const two = lazy.randomInt(10, 12) as number;
      assert.ok(one >= 0 && one < 3 && two >= 10 && two < 12);
    }
    assert.equal((lazy.randomBytes(7) as Buffer).length, 7);
    assert.match(
      lazy.randomUUID() as string,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    assert.equal(lazy.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), true);
    assert.equal(
      lazy.hash('sha256', 'abc é'),
      crypto.createHash('sha256').update('abc é', 'utf8').digest('hex'),
    );
  });

  it('exports every name the sources import from node:crypto (esbuild.js resolves them all here)', () => {
    const names = new Set<string>();
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          visit(path);
        } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const m of text.matchAll(/import \{([^}]*)\} from 'node:crypto'/g)) {
            // `hash as oneShot` imports `hash`.
            m[1]!.split(',').forEach((name) =>
              names.add(
                name
                  .trim()
                  .replace(/^type\s+/, '')
                  .split(/\s+as\s+/)[0]!,
              ),
            );
          }
        }
      }
    };
    visit(join(__dirname, '..', '..', '..', 'src'));
    assert.ok(names.has('createHash') && names.has('randomInt'));
    const exported = new Set(Object.keys(lazy));
    assert.deepEqual(
      [...names].filter((name) => name !== '' && !exported.has(name)),
      [],
    );
  });
});
