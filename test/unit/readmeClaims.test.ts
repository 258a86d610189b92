import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinRules } from '../../src/core/detect/catalog';
import { serviceKeyIndex } from '../../src/core/detect/rules/serviceKeys';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Whether a cited path exists; a `*` in its last segment must match a file, a `**` needs its folder. */
function cited(path: string): boolean {
  if (!path.includes('*')) {
    return existsSync(join(root, path));
  }
  if (path.includes('**')) {
    return existsSync(join(root, path.slice(0, path.indexOf('**'))));
  }
  const dir = join(root, dirname(path));
  const last = path.slice(path.lastIndexOf('/') + 1);
  const pattern = new RegExp(`^${last.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
  return existsSync(dir) && readdirSync(dir).some((name) => pattern.test(name));
}

describe('README claims are pinned to the code', () => {
  it('every test or source path the README cites exists (globs match at least one file)', () => {
    const paths = [...readme.matchAll(/`((?:src|test|media)\/[\w./*-]+)`/g)].map((m) => m[1]!);
    assert.ok(paths.length > 20, 'the README cites its tests');
    const missing = paths.filter((p) => !cited(p));
    assert.deepEqual(missing, []);
  });

  it('no test reference was mangled by the formatter (a `*` turned into `_`)', () => {
    assert.doesNotMatch(readme, /\/_\.unit\.test\.ts|src\/[\w/]+\/_[,)\s]/);
  });

  it('states the catalogue’s rule and provider counts', () => {
    const providers = new Set(builtinRules.map((r) => r.provider)).size;
    const m = /\*\*(\d[\d,]*) rules across (\d[\d,]*) providers\*\*/.exec(readme);
    assert.ok(m, 'the README states the counts');
    assert.deepEqual(
      [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))],
      [builtinRules.length, providers],
    );
  });

  it('states how many more services the service key table names', () => {
    const named = new Set(builtinRules.map((r) => r.provider.toLowerCase()));
    const more = new Set(
      serviceKeyIndex.entries.map((e) => e.provider.toLowerCase()).filter((p) => !named.has(p)),
    ).size;
    const m = /reads a table of (\d[\d,]*) more services/.exec(readme.replace(/\s+/g, ' '));
    assert.ok(m, 'the README states the count');
    assert.equal(Number(m[1]!.replace(/,/g, '')), more);
  });
});
