import { findNestedValues } from './nestedValues';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNestedValues, text, values);
const leaves = (text: string): void => assertUntouched(findNestedValues, text);
const password = (): string => `${fake(8)}!${fake(5)}`;

describe('redact tier: a credential value one level down (ARM, YAML, Wi-Fi profiles, cloud-init)', () => {
  it("hides an ARM template's or a parameters file's value under a credential name", () => {
    const pw = password();
    hides(`"adminPassword": {\n  "value": "${pw}"\n}`, pw);
    hides(`"parameters": { "sqlAdminPassword": { "value": "${pw}" } }`, pw);
    hides(`"adminPassword": {\n  "type": "securestring",\n  "defaultValue": "${pw}"\n}`, pw);
    const key = fake(40);
    hides(`"storageAccountKey": { "value": "${key}" }`, key);
    leaves(`"adminUsername": { "value": "azureuser" }`);
    leaves(`"options": { "value": "${pw}" }`);
    leaves(`"adminPassword": { "type": "securestring" }, "other": { "value": "${pw}" }`);
    leaves(
      `"adminPassword": { "reference": { "keyVault": { "id": "/subscriptions/x" }, "secretName": "pw" } }`,
    );
    leaves(`"adminPassword": { "type": "securestring" }`);
    leaves(`"adminPassword": { "value": "[parameters('adminPassword')]" }`);
  });

  it("hides a WireMock stub's matched value under a credential name", () => {
    const key = fake(24);
    hides(`"queryParameters": { "apikey": { "equalTo": "${key}" } }`, key);
    hides(`"headers": {\n  "X-Api-Key": {\n    "equalTo": "${key}"\n  }\n}`, key);
    leaves('"headers": { "Accept": { "equalTo": "application/json" } }');
  });

  it('hides the same in YAML: an indented value or default under a credential name', () => {
    const pw = password();
    hides(`adminPassword:\n  value: ${pw}\n`, pw);
    hides(`parameters:\n  dbPassword:\n    type: string\n    default: "${pw}"\n`, pw);
    leaves(`adminUser:\n  value: azureuser\n`);
    leaves(`dbPassword:\n  type: string\nvalue: ${pw}\n`);
    leaves(`dbPassword:\n  value: \${DB_PASSWORD}\n`);
  });

  it("hides a Wi-Fi profile's key material and cloud-init's chpasswd list", () => {
    const pw = password();
    hides(
      `<sharedKey>\n  <keyType>passPhrase</keyType>\n  <protected>false</protected>\n  <keyMaterial>${pw}</keyMaterial>\n</sharedKey>`,
      pw,
    );
    leaves(
      `<protected>true</protected>\n<keyMaterial>01000000D08C9DDF0115D1118C7A00C04FC297EB</keyMaterial>`,
    );
    const other = password();
    hides(`chpasswd:\n  list: |\n    root:${pw}\n    ubuntu:${other}\n  expire: False\n`, pw, other);
    hides(`chpasswd:\n  list:\n    - root:${pw}\n`, pw);
    leaves('chpasswd:\n  list: |\n    root:RANDOM\n  expire: True\n');
    leaves(`chpasswd:\n  expire: False\nlist: |\n  root:${pw}\n`);
  });

  it('reads a flood of open objects and keys in linear time', () => {
    const flood = '"password": {'.repeat(20_000) + '\n' + 'password:\n'.repeat(20_000);
    leaves(flood);
    leaves(`"password": {${' "value": "",'.repeat(50_000)}`);
    leaves(`${'x'.repeat(200_000)}\n${'  value: \n'.repeat(50_000)}`);
    const pw = password();
    hides(`${'  value: 1\n'.repeat(20_000)}dbPassword:\n  value: ${pw}\n`, pw);
  });
});
