import * as assert from 'node:assert/strict';
import { githubToken } from '../checksum';
import { ALNUM, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { assertLinear } from '../../../../test/support/cpuTime';
import { findJoins } from './joinedVariables';
import { LiteralDefinitions } from './literalDefinitions';
import { RECALL_DETECTORS } from './recallTier';
import { leaksFragment } from './spanCases';

const hide = (text: string): string =>
  redactText(text, new RedactionMap(), { recallDetectors: RECALL_DETECTORS }).text;
const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));
const leaks = leaksFragment;

describe('redact tier: a secret split over names and joined where it is used (joinedVariables.ts)', () => {
  it('hides each half of a token that two names hold and an expression joins', () => {
    const t = pat();
    const [a, b] = [t.slice(0, 20), t.slice(20)];
    for (const text of [
      `const part1 = '${a}';\nconst part2 = '${b}';\nconst github_token = part1 + part2;\n`,
      `const head = "${a}";\nconst tail = "${b}";\nconst headers = { Authorization: \`Bearer \${head}\${tail}\` };\n`,
      `PREFIX = "ghp_"\nREST = "${t.slice(4)}"\ntoken = PREFIX + REST\nclient = Github(token)\n`,
      `HEAD=${a}\nTAIL=${b}\ncurl -H "Authorization: token $HEAD$TAIL" https://api.example.test/user\n`,
      `$first = '${a}';\n$second = '${b}';\n$token = $first . $second;\n`,
      `first = "${a}"\nsecond = "${b}"\nheaders = {"Authorization": f"token {first}{second}"}\n`,
      `#define KEY_HEAD "${a}"\n#define KEY_TAIL "${b}"\nstatic const char *token = KEY_HEAD KEY_TAIL;\nauth(KEY_HEAD + KEY_TAIL);\n`,
      `let tail: string = "${b}";\nconst token = "${a}" + tail;\n`,
    ]) {
      const out = hide(text);
      assert.ok(!leaks(out, a) && !leaks(out, b), out);
    }
  });

  it('hides a password built from two names under a credential name', () => {
    const [a, b] = ['Summer', `Harbor${randomToken(ALNUM, 6)}!`];
    const out = hide(`word = "${a}"\nrest = "${b}"\ndb_password = word + rest\n`);
    assert.ok(!out.includes(b), out);
  });

  it('leaves joins that build paths, messages and markup', () => {
    for (const text of [
      'const base = "https://api.example.com";\nconst url = base + "/v1/users";\n',
      "var $data = 'data' + ($dataLvl || '');\nvar $passData = $data + '[' + $idx + ']';\n",
      'const greeting = "Hello, ";\nconsole.log(greeting + name);\n',
      'const dir = "/var/lib/app";\nconst file = `${dir}/state.json`;\n',
      'const label = "jsxText";\nif (type.label === "jsxText" || type === label) {}\n',
    ]) {
      assert.equal(hide(text), text);
    }
  });

  it('reads each piece from the definition in force where the join stands', () => {
    const text = 'head = "aaaa"\ntail = "bbbbbbbb"\nx = head + tail\nhead = "cccc"\ny = head + tail\n';
    const joins = findJoins(text);
    assert.deepEqual(
      joins.map((j) => j.value),
      ['aaaabbbbbbbb', 'ccccbbbbbbbb'],
    );
    const [first] = joins;
    assert.deepEqual(
      first!.parts.map((p) => text.slice(p.start, p.end)),
      ['aaaa', 'bbbbbbbb'],
    );
  });

  it('takes no comparison, compound operator, member or one-letter name for a definition', () => {
    const names = new LiteralDefinitions(
      'if (a == "x") {}\ntotal += "y";\nconfig.key = "z";\ne = "minified";\nkey: string = "typed";\n',
    );
    assert.equal(names.resolve('total', 100), undefined);
    assert.equal(
      names.resolve('key', 0)?.start,
      'if (a == "x") {}\ntotal += "y";\nconfig.key = "z";\ne = "minified";\nkey: string = "'.length,
    );
    assert.equal(names.resolve('e', 100), undefined);
  });

  it('reads long runs of joins and definitions in linear time', () => {
    assertLinear((n) => findJoins('abc = "defghijkl"\nx = abc + abc\n'.repeat(n / 30)), 20_000);
    assertLinear((n) => findJoins('${abc}${abc}'.repeat(n / 12)), 20_000);
    assertLinear((n) => findJoins('abc="x" + '.repeat(n / 10)), 20_000);
    assertLinear((n) => hide('part = "abcdefgh"\nt = part + part\n'.repeat(n / 32)), 20_000);
  });
});
