import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from './catalog';

// test/corpus/README.md maps each peer's rules to ours; this keeps its rule ids true to the catalogue.
const doc = readFileSync(path.join(__dirname, '../../../../test/corpus/README.md'), 'utf8');

/** Rows of the coverage tables: `| peer rule | rule ids | status | note |`. */
function rows(): { peer: string; ids: string[]; status: string }[] {
  return doc
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return {
        peer: cells[1] ?? '',
        ids: [...(cells[2] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!),
        status: cells[3] ?? '',
      };
    });
}

describe('peer coverage table (test/corpus/README.md)', () => {
  const known = new Set(builtinRules.map((r) => r.id));

  it('names only rule ids that exist in the catalogue', () => {
    const table = rows();
    assert.ok(table.length > 300, `expected the five peer tables, found ${table.length} rows`);
    const unknown = table.flatMap((r) =>
      r.ids.filter((id) => !known.has(id)).map((id) => `${r.peer}: ${id}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('gives a reason wherever a peer rule is not covered, and ids wherever it is', () => {
    for (const line of doc.split('\n').filter((l) => l.startsWith('| `'))) {
      const cells = line.split('|').map((c) => c.trim());
      const [, peer, ids, status, note] = cells;
      if (status === 'not covered') {
        assert.equal(ids, '—', `${peer ?? ''} is not covered yet names rules`);
        assert.ok((note ?? '').length > 10, `${peer ?? ''} is not covered and says no why`);
      } else {
        assert.match(ids ?? '', /`[a-z0-9-]+`/, `${peer ?? ''} is marked ${status ?? ''} without a rule id`);
      }
    }
  });
});
