import * as assert from 'node:assert/strict';
import { checkAllowlistShape, ShapeError } from './allowlistShape';
import { fingerprintOf } from './finding';
import { HEX, randomToken } from './random';

const sha = (): string => fingerprintOf(randomToken(HEX, 40));

/** The problem `json` has, as `where: problem`. */
function problemOf(json: unknown): string {
  try {
    checkAllowlistShape(json);
  } catch (error) {
    assert.ok(error instanceof ShapeError);
    return error.message;
  }
  assert.fail('expected a ShapeError');
}

describe('allowlist shape', () => {
  it('accepts a full file, lower-cases fingerprints and leaves absent fields absent', () => {
    const a = sha();
    const b = sha();
    const shape = checkAllowlistShape({
      fingerprints: [
        { sha256: a.toUpperCase(), rule: 'github-pat', path: 'test/**', note: '' },
        { sha256: b },
      ],
      paths: ['dist/**', 'vendor'],
    });
    assert.deepEqual(shape, {
      fingerprints: [{ sha256: a, rule: 'github-pat', path: 'test/**', note: '' }, { sha256: b }],
      paths: ['dist/**', 'vendor'],
    });
    assert.deepEqual(Object.keys(shape.fingerprints[1]!), ['sha256']);
  });

  it('defaults absent sections to empty, and accepts empty ones', () => {
    assert.deepEqual(checkAllowlistShape({}), { fingerprints: [], paths: [] });
    assert.deepEqual(checkAllowlistShape({ fingerprints: [], paths: [] }), { fingerprints: [], paths: [] });
  });

  it('rejects a file that is not an object, naming what it is', () => {
    assert.equal(problemOf([]), 'must be a JSON object, not an array');
    assert.equal(problemOf(null), 'must be a JSON object, not null');
    assert.equal(problemOf('x'), 'must be a JSON object, not a string');
    assert.equal(problemOf(3), 'must be a JSON object, not a number');
  });

  it('names the field at fault by its path', () => {
    const bad: [unknown, string][] = [
      [{ fingerprints: {} }, 'fingerprints: must be an array, not an object'],
      [{ paths: 'dist/**' }, 'paths: must be an array, not a string'],
      [{ paths: ['a', 3] }, 'paths[1]: must be a string, not a number'],
      [{ paths: [''] }, 'paths[0]: must not be empty'],
      [{ fingerprints: [{ sha256: sha() }, 'x'] }, 'fingerprints[1]: must be a JSON object, not a string'],
      [{ fingerprints: [{}] }, 'fingerprints[0].sha256: is required'],
      [{ fingerprints: [{ sha256: 7 }] }, 'fingerprints[0].sha256: must be a string'],
      [
        { fingerprints: [{ sha256: 'abc' }] },
        'fingerprints[0].sha256: must be the 64 hex characters of a sha256 (the finding fingerprint)',
      ],
      [{ fingerprints: [{ sha256: `${sha()}0` }] }, 'fingerprints[0].sha256: must be the 64 hex'],
      [{ fingerprints: [{ sha256: sha(), rule: '' }] }, 'fingerprints[0].rule: must not be empty'],
      [{ fingerprints: [{ sha256: sha(), path: null }] }, 'fingerprints[0].path: must be a string, not null'],
      [
        { fingerprints: [{ sha256: sha(), note: false }] },
        'fingerprints[0].note: must be a string, not a boolean',
      ],
    ];
    for (const [json, expected] of bad) {
      assert.ok(problemOf(json).startsWith(expected), `${JSON.stringify(json)}: ${problemOf(json)}`);
    }
  });

  it('counts unknown fields without naming them: a field name can be a pasted key', () => {
    const secret = randomToken(HEX, 40);
    assert.equal(
      problemOf({ path: [], [secret]: 1 }),
      '2 fields this file does not know (it knows fingerprints, paths)',
    );
    const entry = problemOf({ fingerprints: [{ sha256: sha(), [secret]: secret }] });
    assert.equal(
      entry,
      'fingerprints[0]: a field this file does not know (it knows sha256, rule, path, note)',
    );
    assert.ok(!entry.includes(secret.slice(0, 8)));
  });

  it('treats inherited names as unknown fields, not as the object prototype', () => {
    assert.match(
      problemOf(JSON.parse('{ "__proto__": [], "constructor": 1 }')),
      /^2 fields this file does not/,
    );
    assert.deepEqual(checkAllowlistShape(JSON.parse('{ "paths": [] }')), { fingerprints: [], paths: [] });
  });
});
