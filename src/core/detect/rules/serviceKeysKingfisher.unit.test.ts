import * as assert from 'node:assert/strict';
import { ALNUM, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { drawnLetters } from './letterRuns';
import { drawnUntil } from '../../../../test/support/freshValues';
import { freshSample } from './ruleKit';
import { tableFindings as found, tableKey as key } from '../../../../test/support/serviceTable';

// The service key table's lines read from Kingfisher's rules (`serviceKeysKingfisher.ts`): each value drawn
// here from the line's shape, in the forms Kingfisher's examples write (`fileio_ACCESS-<key>`,
// `imaggaSECRET <key>`), and near misses beside each that the table must leave.

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const uuidLike = (): string => [8, 4, 4, 4, 12].map((n) => freshSample(() => randomToken(HEX, n))).join('-');

describe('service key table: lines read from Kingfisher', () => {
  it('reads values glued to the service and credential words by a dash or a dot', () => {
    const fileio = key(UPPER_ALNUM, 40);
    for (const text of [
      `fileioSECRETKEY-${fileio}`,
      `fileio.PRIVATE.TOKEN-${fileio}`,
      `fileio_ACCESS-${fileio}`,
    ]) {
      assert.deepEqual(found(text), [`FileIO ${fileio}`], text);
    }
    // Lower case is not the class, and a shorter run is no key.
    assert.deepEqual(found(`fileio_ACCESS-${fileio.toLowerCase()}`), []);
    assert.deepEqual(found(`fileio_ACCESS-${fileio.slice(0, 30)}`), []);
    const capsule = key(`${ALNUM}-`, 70);
    assert.deepEqual(found(`capsulecrm-SECRET-${capsule}`), [`CapsuleCRM ${capsule}`]);
  });

  it('reads an everyday word (debounce, shortcut, float) only inside a credential name', () => {
    const debounce = key(ALNUM, 13);
    assert.deepEqual(found(`debounce_token = ${debounce}`), [`Debounce ${debounce}`]);
    assert.deepEqual(found(`debounce(handler, 300); // ${debounce}`), []);
    const shortcut = uuidLike();
    assert.deepEqual(found(`shortcut-private-key ${shortcut}`), [`Shortcut ${shortcut}`]);
    assert.deepEqual(found(`SHORTCUT_API_TOKEN=${shortcut}`), [`Shortcut ${shortcut}`]);
    // A shortcut's id is no credential, nor is a UUID a line below the word.
    assert.deepEqual(found(`shortcut_id = "${shortcut}"`), []);
    assert.deepEqual(found(`shortcut:\n  token: ${shortcut}`), []);
    const float = `${freshSample(() => randomToken(HEX, 16))}${key(UPPER_ALNUM, 43)}`;
    assert.deepEqual(found(`float_key=${float}=`), [`Float ${float}`]);
    assert.deepEqual(found(`float width = ${float}`), []);
  });

  it('reads padded values (HelloSign, Imagga, Instabot)', () => {
    const hellosign = key(ALNUM, 64);
    assert.deepEqual(found(`hellosign-PRIVATE-key-${hellosign}==`), [`HelloSign ${hellosign}`]);
    assert.deepEqual(found(`hellosignACCESS-TOKEN-${hellosign.slice(1)}==`), [
      `HelloSign ${hellosign.slice(1)}`,
    ]);
    const imagga = key(ALNUM, 70);
    assert.deepEqual(found(`imaggaSECRET ${imagga}=+`), [`Imagga ${imagga}`]);
    const instabot = key(ALNUM, 42);
    assert.deepEqual(found(`instabot_private_access ${instabot}==`), [`Instabot ${instabot}`]);
  });

  it('reads services the other tables miss (Mockaroo, EcoStruxure IT, Kickbox, New Relic, LaunchDarkly)', () => {
    const mockaroo = key(LOWER_ALNUM, 8);
    assert.deepEqual(found(`mockaroo.token xyz PRIVATE_TOKEN=${mockaroo}`), [`Mockaroo ${mockaroo}`]);
    const eco = `AK1${key(ALNUM, 52)}`;
    assert.deepEqual(found(`ecostruxureit SECRET ${eco}`), [`EcoStruxureIT ${eco}`]);
    const kickbox = `live_${key(ALNUM, 66)}`;
    assert.deepEqual(found(`kickbox_token=${kickbox}`), [`Kickbox ${kickbox}`]);
    const newrelic = `${key(ALNUM, 4)}-${key(ALNUM, 42)}`;
    assert.deepEqual(found(`newrelic_token = ${newrelic}`), [`NewRelicKey ${newrelic}`]);
    // Two parts need a credential word, or the service's word right before: a sentence away names none.
    assert.deepEqual(found(`newrelic agents report here; build ${newrelic}`), []);
    // Shipday's key: 10 and 20 letters and digits joined by a dot (Kingfisher reads 11 of `[A-Za-z0-9.]`, 20 more).
    const shipday = `${key(ALNUM, 10)}.${key(ALNUM, 20)}`;
    assert.deepEqual(found(`SHIPDAY_API_KEY=${shipday}`), [`Shipday ${shipday}`]);
    assert.deepEqual(found(`SHIPDAY_API_KEY=${shipday.replace('.', '')}`), []);
    const ld = uuidLike();
    assert.deepEqual(found(`launchdarkly-secret-${ld}`), [`LaunchDarkly ${ld}`]);
  });

  it('reads hex keys after their service and a credential word (Adobe, Twilio, IPinfo), not a hash', () => {
    const adobe = key(HEX, 32);
    assert.deepEqual(found(`adobeKey = ${adobe}`), [`Adobe ${adobe}`]);
    assert.deepEqual(found(`adobe md5 ${adobe}`), []);
    // Twilio's auth token in either case (Kingfisher's rule reads it case-blind); a commit's hex is none.
    const twilio = key('0123456789abcdefABCDEF', 32);
    assert.deepEqual(found(`Twilio_key=${twilio}`), [`Twilio ${twilio}`]);
    assert.deepEqual(found(`twilio commit ${twilio.toLowerCase()}`), []);
    const ipinfo = key(HEX, 14);
    assert.deepEqual(found(`ipinfo private token ${ipinfo}`), [`IPinfo ${ipinfo}`]);
    assert.deepEqual(found(`ipinfo private token ${ipinfo}00`), []);
  });

  it('reads Asana from 33 hex, leaving the 32 after the colon of its `n/id/id:` form to its own rule', () => {
    const asana = freshSample(() => randomToken('0123456789abcdefABCDEF', 35));
    assert.deepEqual(found(`asana :'${asana}'`), [`Asana ${asana}`]);
    const tail = freshSample(() => randomToken(HEX, 32));
    assert.deepEqual(found(`Using new format asana Key=2/64035755/1976415273018:${tail}`), []);
  });

  it('reads a personal access token named PAT, the word hex values need', () => {
    const asana = freshSample(() => randomToken(HEX, 34));
    assert.deepEqual(found(`ASANA_PAT = ${asana}`), [`Asana ${asana}`]);
    assert.deepEqual(found(`asana pat: "${asana}"`), [`Asana ${asana}`]);
    // Hex after the service's word and no credential word is a hash or an id.
    assert.deepEqual(found(`ASANA_TASK_HASH = ${asana}`), []);
  });

  it('runs on past the length after a credential word (Overloop, Stormglass, Databox)', () => {
    const overloop = key(`${ALNUM}_`, 53);
    assert.deepEqual(found(`overloop_key=${overloop}`), [`Overloop ${overloop}`]);
    const storm = key(`${ALNUM}-`, 80);
    assert.deepEqual(found(`stormglass_key=${storm}`), [`Stormglass ${storm}`]);
    const databox = key(ALNUM, 21);
    assert.deepEqual(found(`databox ACCESS=${databox}`), [`Databox ${databox}`]);
    // No credential word between: the exact length only. (Drawn without `_`: a short head cut off by one,
    // `ab_<50>`, leaves a run of the exact length, which the table reads as a key after a tag.)
    assert.deepEqual(found(`overloop ${key(ALNUM, 53)}`), []);
  });

  it('runs on past the length with letters alone when they read as drawn (Databox)', () => {
    const drawn = drawnUntil(LETTERS, 22, drawnLetters);
    for (const text of [`databox_key = ${drawn}`, `databoxPRIVATEKEY ${drawn}`, `databox SECRET=${drawn}`]) {
      assert.deepEqual(found(text), [`Databox ${drawn}`], text);
    }
    // Words run together, and a run past the line's run-on reach, are not its key.
    assert.deepEqual(found('databox_key = ThisIsNotTheRealKeyHere'), []);
    const long = drawnUntil(LETTERS, 50, drawnLetters);
    assert.deepEqual(found(`databox_key = ${long}`), []);
  });

  it('Everhour: the first group in either case, the rest lower-case hex', () => {
    const hex = (n: number): string => freshSample(() => randomToken(HEX, n));
    for (let i = 0; i < 10; i++) {
      const v = `${hex(4).toUpperCase()}-${hex(4)}-${hex(6)}-${hex(6)}-${hex(8)}`;
      assert.deepEqual(found(`everhour=${v}`), [`Everhour ${v}`], v);
      const upperLater = `${hex(4)}-${hex(4).toUpperCase()}-${hex(6)}-${hex(6)}-${hex(8)}`;
      assert.deepEqual(found(`everhour=${upperLater}`), [], upperLater);
    }
  });
});
