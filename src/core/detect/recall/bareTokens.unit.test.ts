import { HEX, randomToken } from '../random';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, fake } from './spanCases';

// The bare values a credential name takes where an unquoted value is usually an expression (bareTokens.ts),
// through the named-literal detector that reads the names.
const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: bare values under credential names', () => {
  it('hides generated values that are bare in code or log lines, or under a name as plain as key', () => {
    const t = `${fake(14)}4${fake(14)}9`;
    hides(`  [DEBUG] Using Key=${t}\n`, t);
    hides(`  [DEBUG] Using token ${t}\n`, t);
    hides(`  API Key: ${t}\n`, t);
    hides(`const key = "${t}";`, t);
    hides(`confluentToken = ${t}`, t);
    hides(`token: s.${t}`, t);
    hides(`<algoliaToken>\n    ${t}\n</algoliaToken>`, t);
  });

  it('hides a short hex token bare mid-line under a credential name, not a word, a digest name or a number', () => {
    for (const n of [8, 12, 40]) {
      let hex = randomToken(HEX, n);
      hex = `${'a'}${hex.slice(1, -2)}37`; // a letter and two digits, whatever the draw
      hides(`mockaroo.token xyz PRIVATE_TOKEN=${hex}`, hex);
      hides(`run it with API_KEY=${hex} set`, hex);
      hides(`curl -d api_key=${hex.toUpperCase()} https://api.internal`, hex.toUpperCase());
    }
    leaves('foo PRIVATE_TOKEN=deadbeef now'); // no digit: a word of hex letters
    leaves('foo PRIVATE_TOKEN=a1b2c3d now'); // seven
    leaves('foo hash_key=sha256 now');
    leaves('foo secret_key=12345678 now');
    leaves('foo auth_token=aB12cD34 now'); // both cases: not hex in one case, and too short to look random
  });

  it('hides a bare generated value cut by * or ( up to the cut, and refuses short or ?-cut runs', () => {
    const t = `${fake(10)}4${fake(5)}`;
    hides(`  [DEBUG] Using aeroworkflow KEY=${t}:c*X\n`, t);
    hides(`  [DEBUG] Using Key=${t}(x)\n`, t);
    leaves(`  [DEBUG] Using Key=${fake(8)}*x\n`);
    leaves(`  [DEBUG] Using token=${t}?x\n`);
    leaves('  total = token=computeTheTokenFromConfig(cfg)\n');
  });

  it('hides a bare generated value holding % ! @ # $ ^ in a log line, and refuses format and template strings', () => {
    // AccuWeather's v1 keys draw `%` (trufflehog's format); generated passwords draw the others.
    const t = `${fake(10)}4%${fake(9)}%d${fake(10)}`;
    hides(`  [INFO] Sending request to accuweather API\n  [DEBUG] Using API_KEY=${t}\n`, t);
    const p = `${fake(8)}7!${fake(6)}@${fake(8)}#x`;
    hides(`  [DEBUG] Using token=${p}, retrying\n`, p);
    hides(`  [DEBUG] Using secret=${p}`, p);
    leaves('  [DEBUG] Using token=%s for %d requests\n');
    leaves('  [DEBUG] Using API_KEY=%(api_key)s\n');
    leaves(`  [DEBUG] Using token=${fake(10)}4%{user}${fake(8)}\n`);
    leaves(`  [DEBUG] Using token=${fake(6)}!x\n`);
  });
});
