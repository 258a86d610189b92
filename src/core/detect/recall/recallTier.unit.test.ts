import * as assert from 'node:assert/strict';
import { githubToken } from '../checksum';
import { ALNUM, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import type { RecallDetector } from './recallSpan';
import { findRecallSpans } from './recallTier';

/** A detector that flags every occurrence of `word` as `kind`. */
const flagging =
  (word: string, kind: string): RecallDetector =>
  (text, out) => {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      out.push({ start: at, end: at + word.length, kind });
    }
  };

describe('redact tier: spans and how the redactor merges them', () => {
  it('sorts spans by start, longest first, and drops empty or out-of-range ones', () => {
    const broken: RecallDetector = (_text, out) => {
      out.push(
        { start: 3, end: 3, kind: 'x' },
        { start: -1, end: 2, kind: 'x' },
        { start: 0, end: 99, kind: 'x' },
      );
    };
    const spans = findRecallSpans('alpha beta', [
      flagging('beta', 'b'),
      flagging('alpha beta', 'ab'),
      broken,
    ]);
    assert.deepEqual(
      spans.map((s) => [s.start, s.end, s.kind]),
      [
        [0, 10, 'ab'],
        [6, 10, 'b'],
      ],
    );
  });

  it('hides a recall span with a typed placeholder that restores locally', () => {
    const map = new RedactionMap();
    const text = 'DB_PASSWORD=correct horse\n';
    const result = redactText(text, map, {
      recallDetectors: [flagging('correct horse', 'password')],
    });
    assert.equal(result.text, 'DB_PASSWORD=‹secret:password#1›\n');
    assert.equal(map.restore(result.text), text);
    assert.deepEqual(
      result.redactions.map((r) => r.ruleId),
      ['password'],
    );
  });

  it('lets a report-tier finding keep its provider placeholder and hides only the rest of a wider recall span', () => {
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const text = `auth = "${token} trailing-part"`;
    const wide: RecallDetector = (t, out) => {
      const start = t.indexOf('"') + 1;
      out.push({ start, end: t.lastIndexOf('"'), kind: 'credential' });
    };
    const result = redactText(text, new RedactionMap(), { recallDetectors: [wide] });
    assert.ok(!result.text.includes(token));
    assert.ok(!result.text.includes('trailing-part'));
    assert.match(result.text, /‹secret:github-pat#1›‹secret:credential#1›"$/);
  });

  it('hides the tail of a span that starts inside one already replaced', () => {
    const text = 'one two three four';
    const result = redactText(text, new RedactionMap(), {
      recallDetectors: [flagging('one two', 'a'), flagging('two three four', 'b')],
    });
    assert.equal(result.text, '‹secret:a#1›‹secret:b#1›');
  });

  it('leaves alone what the user allowed, and everything with recall off', () => {
    const text = 'secret: hunter2-but-longer';
    const detectors = [flagging('hunter2-but-longer', 'password')];
    const first = redactText(text, new RedactionMap(), { recallDetectors: detectors });
    const fingerprint = first.redactions[0]!.fingerprint;
    assert.equal(
      redactText(text, new RedactionMap(), { recallDetectors: detectors, allow: new Set([fingerprint]) })
        .text,
      text,
    );
    assert.equal(
      redactText(text, new RedactionMap(), { recallDetectors: detectors, recall: false }).text,
      text,
    );
  });
});
