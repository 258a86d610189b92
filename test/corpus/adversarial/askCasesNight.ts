import { alnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms that hunts M (fixtures, recorded traffic, clients given their key) and N (runbooks, notes, chat,
// sheets) still sent at 57bc42d, each closed on the night of 2026-12-07. Class 1 of issue 9.

/** A chosen password: two words run together, as people pick them (`amberwheel`). */
const chosen = (): string => `${word()}${word()}`.toLowerCase();
/** A PIN or a door's code: six digits. */
const digits = (): string => `${100000 + Math.floor(Math.random() * 900000)}`;

export function nightCases(): AskCase[] {
  const w = Array.from({ length: 7 }, chosen);
  const k = Array.from({ length: 10 }, () => alnum(24));
  const pin = digits();
  return [
    one(
      1,
      'JMeter argument name and value',
      'load.jmx',
      `<elementProp name="password" elementType="HTTPArgument">\n  <stringProp name="Argument.name">password</stringProp>\n  <stringProp name="Argument.value">${w[0]}</stringProp>\n</elementProp>\n`,
      w[0]!,
    ),
    one(
      1,
      'SoapUI namespaced property',
      'project.xml',
      `<con:property><con:name>apiToken</con:name><con:value>${k[0]}</con:value></con:property>\n`,
      k[0]!,
    ),
    one(
      1,
      "Slack webhook's path in a nock",
      'notify.test.js',
      `nock('https://hooks.slack.com').post('/services/T0123ABCD/B0456EFGH/${k[1]}').reply(200, 'ok');\n`,
      k[1]!,
    ),
    one(
      1,
      'vault login',
      'runbook.sh',
      `$ vault login ${k[2]}\nSuccess! You are now authenticated.\n`,
      k[2]!,
    ),
    one(
      1,
      'npm config set token',
      'setup.sh',
      `npm config set //registry.npmjs.org/:_authToken ${w[1]}\n`,
      w[1]!,
    ),
    one(
      1,
      'pytest fixture returning a key',
      'conftest.py',
      `@pytest.fixture\ndef api_key():\n    return "${w[3]}"\n`,
      w[3]!,
    ),
    one(
      1,
      'Betamax header list',
      'cassette.json',
      `{"request": {"headers": {"Authorization": ["Basic ${k[4]}"], "Accept": ["application/json"]}}}\n`,
      k[4]!,
    ),
    one(
      1,
      'Android meta-data key',
      'AndroidManifest.xml',
      `<meta-data\n    android:name="com.google.android.geo.API_KEY"\n    android:value="${w[4]}" />\n`,
      w[4]!,
    ),
    one(
      1,
      'WireMock matcher',
      'stub.json',
      `{"request": {"queryParameters": { "apikey": { "equalTo": "${w[6]}" } }}}\n`,
      w[6]!,
    ),
    one(
      1,
      'sheet rows with no header',
      'accounts.csv',
      `jira,svc_jira,${w[5]}42\nconfluence,svc_conf,${k[8]}\n`,
      `${w[5]}42`,
    ),
    one(
      1,
      'door code in a note',
      'notes.md',
      `Door code for the server room is ${pin} — please don't share it\n`,
      pin,
    ),
    one(
      1,
      'user / password in a handover',
      'handover.txt',
      `- I logged into the switch with the local account (netadmin / ${k[9]}) since TACACS was down\n`,
      k[9]!,
    ),
    one(
      1,
      'recovery codes listed below',
      'codes.txt',
      `GitHub recovery codes (jdoe-dev)\n${w[2]}7\n${k[0]}\nKeep these safe.\n`,
      `${w[2]}7`,
    ),
  ];
}
