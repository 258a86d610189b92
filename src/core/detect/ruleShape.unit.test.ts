import assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { measureShape, parseShapeTable, shapeKey, shapeOf, shapeTableJson } from './ruleShape';

describe('ruleShape', () => {
  it('reads back from the build table exactly what measuring gives, for every built-in rule', () => {
    const table = parseShapeTable(shapeTableJson(builtinRules));
    assert.equal(table.size, new Set(builtinRules.map((r) => shapeKey(r.pattern, r.keywords))).size);
    for (const rule of builtinRules) {
      const keywords = rule.keywords.map((k) => k.toLowerCase());
      const stored = table.get(shapeKey(rule.pattern, keywords));
      assert.deepEqual(stored, measureShape(rule.pattern, keywords), rule.id);
    }
  });

  it('keeps unbounded lengths, broad starts and non-ASCII starts through the table', () => {
    const patterns = [
      { pattern: /key=[A-Za-z0-9]+/, keywords: ['key='] },
      { pattern: /[^"\s]{8,40}token/, keywords: ['token'] },
      { pattern: /(?:é|x)tok[0-9]{4}/, keywords: ['tok'] },
      { pattern: /(?:tok)?/, keywords: ['tok'] },
    ];
    const table = parseShapeTable(shapeTableJson(patterns));
    const [unbounded, broad, nonAscii, anywhere] = patterns.map((p) =>
      table.get(shapeKey(p.pattern, p.keywords))!,
    );
    assert.equal(unbounded!.longest, Infinity);
    assert.equal(unbounded!.anchored, true);
    assert.ok(broad!.startSize > 90 && broad!.startBits![0x22] === 0 && broad!.startBits![0x41] === 1);
    assert.equal(anywhere!.startBits, undefined);
    assert.equal(anywhere!.startSize, Infinity);
    assert.equal(nonAscii!.startsNonAscii, true);
    assert.equal(nonAscii!.startBits![0x78], 1);
    assert.equal(nonAscii!.longest, 8);
  });

  it('keys a pattern by its flags, source and keywords, so that a changed rule is measured afresh', () => {
    const base = shapeKey(/abc[0-9]{4}/, ['abc']);
    assert.equal(shapeKey(/abc[0-9]{4}/, ['ABC']), base);
    assert.notEqual(shapeKey(/abc[0-9]{4}/i, ['abc']), base);
    assert.notEqual(shapeKey(/abc[0-9]{5}/, ['abc']), base);
    assert.notEqual(shapeKey(/abc[0-9]{4}/, ['ab']), base);
  });

  it('measures a pattern that no build table holds (the compiled modules carry none)', () => {
    const pattern = /zq_[a-z]{6}/;
    assert.deepEqual(shapeOf(pattern, ['zq_']), measureShape(pattern, ['zq_']));
    assert.equal(shapeOf(pattern, ['zq_']).longest, 9);
  });
});
