import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// Nosey Parker's extractor reads a secret against its rule's capture group (`extract/npFormat.js`), so
// the re-drawn value keeps what the peer's pattern fixes. Loaded from the source tree, as the extractor
// loads it; values are built at test time from the format.
interface NpFormat {
  groupSource(source: string, n: number): string | undefined;
  groupShape(value: string, group: string | undefined, flags: string): string | undefined;
  jsonHead(text: string): number;
  drawShape(shape: string): string | undefined;
  leavesGroup(shape: string, group: string, flags: string): boolean;
  withJsonHead(shape: string, value: string): string;
  sharedRuns(values: string[]): Map<string, [number, number][]>;
  keepRuns(shape: string, value: string, runs: [number, number][]): string;
  counted(run: string): boolean;
  oneAlphabetCount(run: string): boolean;
  countedOverGroup(old: string, fromGroup: string, value: string): string | undefined;
}
const repo = resolve(__dirname, '../../..');
const load = createRequire(__filename);
const np = load(resolve(repo, 'test/corpus/external/extract/npFormat.js')) as NpFormat;
const { translate } = load(resolve(repo, 'test/corpus/external/extract/rustRegex.js')) as {
  readonly translate: (pattern: string) => RegExp;
};

const hex = (n: number): string => 'a1b2c3d4e5f6'.repeat(Math.ceil(n / 12)).slice(0, n);
const alnum = (n: number): string => 'Q7wErT9yUi0pAsD3fG'.repeat(Math.ceil(n / 18)).slice(0, n);
const upper = (n: number): string => 'Q7WERT9YUI0PASD3FG'.repeat(Math.ceil(n / 18)).slice(0, n);

/** The shape for `value` under a Rust pattern's first capture group, and the group's own source. */
function shapeFor(
  pattern: string,
  value: string,
): { shape: string | undefined; group: string; flags: string } {
  const re = translate(pattern);
  const group = np.groupSource(re.source, 1) ?? '';
  return { shape: np.groupShape(value, group, re.flags), group, flags: re.flags };
}

/** Every one of 40 draws from `shape` is a whole match of the peer's group. */
function drawsStayInGroup(shape: string, group: string, flags: string): void {
  const whole = new RegExp(`^(?:${group})$`, flags.replace(/[gdy]/g, ''));
  for (let k = 0; k < 40; k++) {
    const v = np.drawShape(shape);
    assert.ok(v !== undefined && whole.test(v), `${shape} drew ${v}`);
  }
}

describe('Nosey Parker extractor: the format a rule group fixes', () => {
  it("finds a capture group's source past classes, escapes and non-capturing groups", () => {
    assert.equal(np.groupSource('a(?:b)[(](c\\)d)(e)', 1), 'c\\)d');
    assert.equal(np.groupSource('a(?:b)[(](c\\)d)(e)', 2), 'e');
    assert.equal(np.groupSource('(?<key>x(?:y)z)', 1), 'x(?:y)z');
  });

  it('keeps a literal infix the pattern fixes at its place (Azure DevOps `…AZDO…`)', () => {
    const { shape, group, flags } = shapeFor(
      '\\b([a-zA-Z0-9]{76}AZDO[a-zA-Z0-9]{4})\\b',
      `${alnum(76)}AZDO${alnum(4)}`,
    );
    assert.equal(shape, '[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}');
    drawsStayInGroup(shape, group, flags);
    // The shape read from the example alone (one run) leaves the group; the group's own does not.
    assert.equal(np.leavesGroup('[A-Za-z0-9]{84}', group, flags), true);
    assert.equal(np.leavesGroup(shape as string, group, flags), false);
  });

  it("keeps a fixed-width version right after the prefix (Dynatrace's `dt0` `c` `01`)", () => {
    const value = `dt0c01.${upper(24)}.${upper(64)}`;
    const { shape, group, flags } = shapeFor(
      '\\b(dt0[a-zA-Z]{1}[0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})\\b',
      value,
    );
    assert.ok(shape?.startsWith('dt0c01\\.'), shape);
    drawsStayInGroup(shape as string, group, flags);
  });

  it('re-draws an id of digits as digits and a hex body as hex (TrueNAS, Databricks)', () => {
    const truenas = shapeFor('Bearer\\s*(\\d+-[a-zA-Z0-9]{64})\\b', `10-${alnum(64)}`);
    assert.equal(truenas.shape, '[0-9]{2}-[A-Za-z0-9]{64}');
    drawsStayInGroup(truenas.shape, truenas.group, truenas.flags);
    const databricks = shapeFor('(?x)\\b( dapi[a-f0-9]{32} (?: -[0-9]+ )? )\\b', `dapi${hex(32)}-3`);
    assert.equal(databricks.shape, 'dapi[0-9a-f]{32}-[0-9]{1}');
    drawsStayInGroup(databricks.shape, databricks.group, databricks.flags);
  });

  it("keeps the example's choice among literal alternatives (DigitalOcean's `(?:dop|doo)_v1_`)", () => {
    const { shape, group, flags } = shapeFor('\\b((?:dop|doo)_v1_[a-f0-9]{64})\\b', `doo_v1_${hex(64)}`);
    assert.equal(shape, 'doo_v1_[0-9a-f]{64}');
    drawsStayInGroup(shape, group, flags);
  });

  it("draws a run over the group's class where the example's narrower alphabet would leave it (Everhour)", () => {
    const pattern = '\\b([0-9A-Fa-f]{4}-[0-9a-f]{4}-[0-9a-f]{6})\\b';
    const { shape, group, flags } = shapeFor(pattern, 'ABCD-9417-305862');
    // `ABCD` read alone is `[A-Z]{4}`, which draws letters past F; digits that do not count stay digits.
    assert.equal(shape, '[0-9A-Fa-f]{4}-[0-9]{4}-[0-9]{6}');
    drawsStayInGroup(shape, group, flags);
  });

  it("keeps the group's format for a secret read on past the group (Databricks' `dapi…` then `-3`)", () => {
    const { readOnFormat } = load(resolve(repo, 'test/corpus/external/extract/ruleExamples.js')) as {
      readonly readOnFormat: (
        value: string,
        s: number,
        matches: RegExpMatchArray[],
        re: RegExp,
        old: string,
      ) => string | undefined;
    };
    const re = translate('(?i)(dapi[a-f0-9]{32})\\b');
    const text = `token: 'dapi${hex(32)}-3'`;
    const matches = [...text.matchAll(new RegExp(re.source, `${re.flags.replace(/[gd]/g, '')}gd`))];
    const value = `dapi${hex(32)}-3`;
    const at = text.indexOf('dapi');
    assert.equal(readOnFormat(value, at, matches, re, 'dapi[a-z0-9\\-]{34}'), 'dapi[0-9a-f]{32}-[0-9]{1}');
    // Where the example's own shape keeps the group's part in the group's format, nothing changes.
    assert.equal(readOnFormat(value, at, matches, re, 'dapi[0-9a-f]{32}-[0-9]{1}'), undefined);
  });

  it('reads nothing it cannot follow: an alternation, a negated class, a value the group refuses', () => {
    assert.equal(shapeFor('(ab|cd)', 'ab').shape, undefined);
    assert.equal(shapeFor('(x[^"]{4})', 'xabcd').shape, undefined);
    assert.equal(shapeFor('(dt0[0-9]{2})', 'dt0ab').shape, undefined);
  });

  it('keeps a base64 JSON body\'s opening up to its first value (Mapbox\'s `eyJ1Ijoi`, `{"u":"`)', () => {
    const body = Buffer.from(`{"u":"someone","a":"${alnum(20)}"}`).toString('base64url');
    assert.equal(np.jsonHead(body), 8);
    assert.equal(np.jsonHead(alnum(40)), 0);
    const value = `pk.${body}.${alnum(22)}`;
    const shape = np.withJsonHead(`pk\\.[A-Za-z0-9]{${body.length}}\\.[A-Za-z0-9]{22}`, value);
    assert.equal(shape, `pk\\.${body.slice(0, 8)}[A-Za-z0-9]{${body.length - 8}}\\.[A-Za-z0-9]{22}`);
    // Not a JSON opening: the shape is left as it was.
    assert.equal(np.withJsonHead('pk\\.[A-Za-z0-9]{40}', `pk.${alnum(40)}`), 'pk\\.[A-Za-z0-9]{40}');
  });

  it("keeps what three of a rule's examples share at one place, not what two share or a digit id", () => {
    const made = (fill: string, tag: string): string =>
      `${fill.repeat(6).slice(0, 12)}${tag}${fill.repeat(3).slice(0, 6)}`;
    const [a, b, c] = [made('ab1', 'JQQJ9'), made('cd2', 'JQQJ9'), made('ef3', 'JQQJ9')];
    const runs = np.sharedRuns([a, b, c]);
    assert.deepEqual(runs.get(a), [[12, 17]]);
    assert.equal(
      np.keepRuns('[a-z0-9]{12}[A-Z0-9]{5}[a-z0-9]{6}', a, runs.get(a) ?? []),
      '[a-z0-9]{12}JQQJ9[a-z0-9]{6}',
    );
    // Two examples only, or one example edited (half its characters the same): nothing kept.
    assert.deepEqual(np.sharedRuns([a, b]).get(a), []);
    assert.deepEqual(np.sharedRuns([a, `${a.slice(0, 20)}zzz`, b]).get(a), []);
    // One account's id of digits in three examples is no part of the format.
    const ids = ['x', 'y', 'z'].map((f) => `live_126031192_${f.repeat(30)}`);
    assert.deepEqual(np.sharedRuns(ids).get(ids[0] ?? ''), [[0, 4]]);
  });
});

describe("Nosey Parker extractor: a peer's counting stand-in", () => {
  // Built at test time: the alphabet counted from a start, the way the peers write a stand-in.
  const countFrom = (from: string, n: number, span: number): string =>
    Array.from({ length: n }, (_, i) => String.fromCharCode(from.charCodeAt(0) + (i % span))).join('');
  const capitals = countFrom('A', 25, 26);
  const digits = Array.from({ length: 20 }, (_, i) => String((i + 1) % 10)).join('');
  const hexCount = `${countFrom('a', 6, 6)}${countFrom('1', 6, 9)}`.repeat(2);

  it('reads a run that mostly counts by one as a stand-in, and a draw or a fixed tag as none', () => {
    assert.ok(np.counted(capitals));
    assert.ok(np.counted(digits));
    assert.ok(np.counted(hexCount));
    // Switching case as it counts (Kingfisher's `abcDEFGhijKLmno…`).
    assert.ok(np.counted(`${countFrom('a', 3, 3)}${countFrom('D', 4, 4)}${countFrom('h', 3, 3)}`));
    assert.equal(np.counted(alnum(24)), false);
    assert.equal(np.counted('JQQJ9'), false);
    assert.equal(np.counted(countFrom('a', 3, 3)), false); // too short to tell
  });

  it('takes the alphabet from the group only where the stand-in counts in one alphabet', () => {
    assert.ok(np.oneAlphabetCount(capitals));
    assert.ok(np.oneAlphabetCount(digits));
    // A count over hex (`abcdef123456…`) already reads as hex, a plausible alphabet: left as it was.
    assert.equal(np.oneAlphabetCount(hexCount), false);
    // Visual Crossing's `[0-9A-Z]{25}` with an all-capitals example: drawn over the group's class.
    assert.equal(np.groupShape(capitals, '[0-9A-Z]{25}', ''), '[0-9A-Z]{25}');
    drawsStayInGroup('[0-9A-Z]{25}', '[0-9A-Z]{25}', '');
    // A group with no literal is read for a stand-in only: a drawn example keeps its own shape.
    assert.equal(np.groupShape(upper(25), '[0-9A-Z]{25}', ''), undefined);
  });

  it("draws only the counting pieces over the group's class, keeping the example's words", () => {
    const value = `tskey-api-${countFrom('a', 7, 7)}-${countFrom('1', 9, 9)}`;
    const group = 'tskey-[a-z]+-[0-9A-Za-z_]+-[0-9A-Za-z_]+';
    const fromGroup = np.groupShape(value, group, '');
    assert.ok(fromGroup !== undefined);
    const shape = np.countedOverGroup(`tskey-api-${countFrom('a', 7, 7)}-[0-9]{9}`, fromGroup, value);
    assert.equal(shape, 'tskey-api-[0-9A-Za-z_]{7}-[0-9A-Za-z_]{9}');
    drawsStayInGroup(shape ?? '', group, '');
    // Shapes that do not both read the value character by character give nothing.
    assert.equal(np.countedOverGroup('[0-9]{3}', fromGroup, value), undefined);
  });

  it('keeps no counting run as a fixed part, even when three examples share it', () => {
    const head = `${countFrom('a', 6, 6)}12`;
    const values = [alnum(12), hex(12), upper(12)].map((tail) => `${head}-${tail}`);
    assert.deepEqual(np.sharedRuns(values).get(values[0] ?? ''), []);
  });
});
