import * as assert from 'node:assert/strict';
import { ALNUM, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { serviceKeyIndex } from './serviceKeys';
import { RUN_ON } from './serviceKeyTable';
import { credentialBefore } from './serviceKeyText';
import { freshSample } from './ruleKit';
import { randomLetters } from './letterRuns';
import { tableFindings as found, tableKey as key } from '../../../../test/support/serviceTable';

// How the service key table reads its words: an everyday word right before its value, a long service
// word at the end of a lower-case name, a `Bearer` value under a credential name. Formats are trufflehog's
// (`pkg/detectors/{kanban,kanbantool,mite,hive,smartsheets,bannerbear}`).

/** Mixed-case letters that read as random (most draws do). */
function letters(n: number): string {
  for (;;) {
    const v = freshSample(() => randomToken(ALNUM.replace(/[0-9]/g, ''), n));
    if (randomLetters(v)) {
      return v;
    }
  }
}

describe('service key table: words and names', () => {
  it('reads an everyday word right before its value (kanban, kanbantool, mite)', () => {
    const kanban = key(UPPER_ALNUM, 12);
    assert.deepEqual(found(`kanban '${kanban}' kanban 'acme.kanbantool.com'`), [`KanbanTool ${kanban}`]);
    assert.deepEqual(found(`kanbantool: ${kanban}`), [`KanbanTool ${kanban}`]);
    const mite = key(LOWER_ALNUM, 16);
    assert.deepEqual(found(`mite '${mite}' 'www.mite.yo.lk'`), [`Mite ${mite}`]);
    assert.deepEqual(found(`MITE_API_KEY=${mite}`), [`Mite ${mite}`]);
  });

  it('leaves an everyday word away from the value, or a value of another shape', () => {
    const kanban = key(UPPER_ALNUM, 12);
    const mite = key(LOWER_ALNUM, 16);
    for (const text of [
      "kanban key = '11?Q98FV=8WI' url = 'acme.kanbantool.com'",
      `the kanban board for sprint ${kanban}`,
      `# kanban\n${kanban}`,
      `kanban '${kanban.toLowerCase()}x'`,
      `mite key = '${mite.toUpperCase()}' url = 'WWW.mite.yo.lk'`,
      `a mite of dust on ${mite}`,
      // `mite` is read at the start of a longer word only, never at its end.
      `termite '${mite}'`,
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it('reads a long service word glued to the end of a lower-case name (getsmartsheet)', () => {
    const sheet = key(ALNUM, 37);
    assert.deepEqual(found(`sheets := getsmartsheet("${sheet}")`), [`Smartsheets ${sheet}`]);
    for (const text of [
      `  # smartsheet invalid credentials\n  sheet_token := "${key(LOWER_ALNUM, 30)}"`,
      `sheets := getsmartsheets("${key(ALNUM, 36)}")`,
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it('reads a Bearer value under a credential name that holds the service word (bannerbear)', () => {
    const v = letters(24);
    assert.deepEqual(found(`bannerBearToken := "Bearer ${v}"`), [`Bannerbear ${v}`]);
    for (const text of [
      `bannerBearToken := "Bearer ${letters(25)}"`,
      'bannerBearToken := "Bearer getTheBannerBearTokenFromEnv"',
      `sendRequest("Bearer ${v}")`,
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it('reads a Hive secret beside its id, and neither alone', () => {
    const id = key(ALNUM, 17);
    const secret = key(LOWER_ALNUM, 32);
    assert.deepEqual(found(`{\n  "hive_id": "${id}",\n  "hive_secret": "${secret}"\n}`), [`Hive ${secret}`]);
    for (const text of [
      `{ "hive_secret": "${secret}" }`,
      `{ "hive_id": "${id}" }`,
      `hive.metastore.warehouse.dir=/user/${secret}`,
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it('names services by a word, its start or a long word at its end, and nothing by other words', () => {
    const providers = (word: string): string[] => serviceKeyIndex.servicesNamed(word).map((e) => e.provider);
    assert.ok(providers('smartsheet').includes('Smartsheets'));
    assert.ok(providers('smartsheetapikey').includes('Smartsheets'));
    assert.ok(providers('getsmartsheet').includes('Smartsheets'));
    assert.ok(providers('kanbantool').includes('KanbanTool'));
    for (const word of ['termite', 'getsmartsheets', 'addeventlistener', 'x', '']) {
      assert.ok(!providers(word).includes('Smartsheets') && !providers(word).includes('Mite'), word);
    }
    assert.deepEqual(providers('addeventlistener'), []);
  });

  it('reads a credential word only within the look-back before a value', () => {
    const text = `const bannerBearToken = "Bearer ${'x'.repeat(8)}"`;
    assert.ok(credentialBefore(text, text.indexOf('x'), serviceKeyIndex.longestWord));
    assert.ok(!credentialBefore('const layoutName = "', 20, serviceKeyIndex.longestWord));
    const far = `token ${' '.repeat(200)}= "`;
    assert.ok(!credentialBefore(far, far.length, serviceKeyIndex.longestWord));
  });

  // Kingfisher's keyword rules end their value with no boundary, and their examples hold longer runs:
  // `toggl SECRET <35 characters>` (data/rules/toggltrack.yml). Lines marked `+` read them so.
  it('reads a `+` value run on past its length after a credential word, and only so', () => {
    for (const extra of [1, 3, RUN_ON]) {
      const v = key(ALNUM, 32 + extra);
      for (const text of [
        `toggl SECRET ${v}`,
        `toggl-KEY-${v}`,
        `TOGGL_ACCESS_TOKEN=${v}`,
        `togglToken: '${v}'`,
      ]) {
        assert.deepEqual(found(text), [`TogglTrack ${v}`], text);
      }
    }
    const v35 = key(ALNUM, 35);
    // No credential word between the service's word and the value; one before the word only.
    assert.deepEqual(found(`toggl ${v35}`), []);
    assert.deepEqual(found(`secret for toggl: ${v35}`), []);
    // Past `RUN_ON`, and off the class (`_` is not in `a`).
    assert.deepEqual(found(`toggl SECRET ${key(ALNUM, 32 + RUN_ON + 1)}`), []);
    const under = `${v35.slice(0, 20)}_${v35.slice(21)}`;
    assert.deepEqual(found(`toggl SECRET ${under}`), []);
    // A line with no `+` keeps its one length (AbuseIPDB l80).
    assert.deepEqual(found(`ABUSEIPDB_API_KEY=${key(LOWER_ALNUM, 81)}`), []);
  });

  it('reads a run-on value of an everyday `@` word only inside a credential name', () => {
    const v = key('abcdefghijklmnopqrstuvwxyz0123456789-', 60);
    assert.deepEqual(found(`LESS_SECRET_KEY=${v}`), [`LessAnnoyingCRM ${v}`]);
    assert.deepEqual(found(`much less than the secret ${v}`), []);
  });
});
