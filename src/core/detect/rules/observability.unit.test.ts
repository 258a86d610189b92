import * as assert from 'node:assert/strict';
import { RedactionMap } from '../../pipeline/redactionMap';
import { redactText } from '../../pipeline/redact';
import { builtinRules } from '../catalog';
import { defersToNamedProvider } from '../prefixLookAlike';
import { HEX, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const generic = builtinRules.find((r) => r.id === 'generic-secret')!;
const line = (value: string): string => `new relic mobile app token = '${value}'`;
const defers = (value: string): boolean => {
  const text = line(value);
  return defersToNamedProvider(builtinRules, generic, text, text.indexOf(value), value);
};

describe('New Relic mobile app tokens (AA and 40 hex digits, or eu01xx and 36, tagged -NRMA)', () => {
  it('a -NRMA value of another shape is no finding', () => {
    for (const value of [`AA${randomToken(HEX, 38)}-NRMA`, `AA${randomToken(HEX, 41)}-NRMA`]) {
      assert.deepEqual(ids(line(value)), [], value);
      assert.equal(defers(value), true, value);
    }
  });

  it('a token of New Relic’s shape, or a value without its tag, stays the generic rule’s', () => {
    for (const value of [
      `AA${randomToken(HEX, 40)}-NRMA`,
      `eu01xx${randomToken(HEX, 36)}-NRMA`,
      `AA${randomToken(HEX, 38)}-ABCD`,
    ]) {
      assert.equal(defers(value), false, value);
    }
    assert.deepEqual(ids(line(`AA${randomToken(HEX, 40)}-NRMA`)), ['generic-secret']);
  });

  it('the redact tier still hides the value the report tier leaves', () => {
    const value = `AA${randomToken(HEX, 38)}-NRMA`;
    const { text: sent } = redactText(line(value), new RedactionMap());
    assert.ok(!sent.includes(value.slice(4, 24)));
  });
});
