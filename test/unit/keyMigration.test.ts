import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTopLevelProperty } from '../../src/core/keys/jsoncEdit';
import { Keychain, KEYCHAIN_SERVICE } from '../../src/core/keys/keychain';
import { maskKey } from '../../src/core/keys/keyFormat';
import type { ScopedValue, SettingScope, SettingsAccess } from '../../src/core/keys/migration';
import { findPlaintextKeys, migratePlaintextKeys } from '../../src/core/keys/migration';
import { KeyVault } from '../../src/core/keys/vault';
import { freshOpenAiKey } from '../support/fakeKeys';
import { readItemFromAnotherProcess, requireSecretService, uniqueProfile } from '../support/keyringTools';
import { scanForSecret } from '../support/leakScan';

/** Settings backed by real settings.json files (user and workspace), edited the way the extension falls back to. */
class FileSettings implements SettingsAccess {
  constructor(private readonly files: Readonly<Record<'user' | 'workspace', string>>) {}

  private read(scope: 'user' | 'workspace'): Record<string, unknown> {
    // Test files use line comments only, so stripping them is enough to parse.
    const text = readFileSync(this.files[scope], 'utf8').replace(/^\s*\/\/.*$/gm, '');
    return JSON.parse(text) as Record<string, unknown>;
  }

  inspect(key: string): Promise<ScopedValue[]> {
    const values: ScopedValue[] = [];
    for (const scope of ['user', 'workspace'] as const) {
      const settings = this.read(scope);
      if (key in settings) {
        values.push({ scope, value: settings[key] });
      }
    }
    return Promise.resolve(values);
  }

  update(key: string, value: unknown, scope: SettingScope): Promise<void> {
    assert.notEqual(scope, 'workspaceFolder');
    const file = this.files[scope as 'user' | 'workspace'];
    if (value === undefined) {
      const edited = removeTopLevelProperty(readFileSync(file, 'utf8'), key);
      assert.ok(edited !== undefined, 'the settings file parses');
      writeFileSync(file, edited);
    } else {
      writeFileSync(
        file,
        JSON.stringify({ ...this.read(scope as 'user' | 'workspace'), [key]: value }, null, 2),
      );
    }
    return Promise.resolve();
  }
}

describe('moving plaintext keys out of settings (real OS keychain)', function () {
  // Each test spawns Node processes that talk D-Bus; on a loaded machine that is slow, and timing never fails a test.
  this.timeout(120_000);
  let dir: string;
  let files: Record<'user' | 'workspace', string>;
  const keychain = new Keychain();
  const vault = new KeyVault({ keychain });
  const created: string[] = [];

  before(requireSecretService);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sgpt-migrate-'));
    mkdirSync(join(dir, 'User'));
    mkdirSync(join(dir, 'project', '.vscode'), { recursive: true });
    files = {
      user: join(dir, 'User', 'settings.json'),
      workspace: join(dir, 'project', '.vscode', 'settings.json'),
    };
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const profile of created.splice(0)) {
      await keychain.delete(profile);
    }
  });

  function target(profile: string): Parameters<typeof migratePlaintextKeys>[2] {
    created.push(profile);
    return { vault, store: 'keychain', profileFor: (kind) => ({ name: profile, kind }) };
  }

  it('finds the key in user and workspace settings, moves it to the keychain, and removes both settings', async () => {
    const key = freshOpenAiKey();
    writeFileSync(
      files.user,
      `{\n  "editor.fontSize": 14,\n  // from an old ChatGPT extension\n  "chatgpt.gpt3.apiKey": "${key}",\n  "files.eol": "\\n"\n}\n`,
    );
    writeFileSync(files.workspace, `{\n  "openai.apiKey": "${key}"\n}\n`);
    const settings = new FileSettings(files);

    const found = await findPlaintextKeys(settings);
    assert.deepEqual(
      found.map((f) => [f.setting, f.scope, f.masked]),
      [
        ['openai.apiKey', 'workspace', maskKey(key)],
        ['chatgpt.gpt3.apiKey', 'user', maskKey(key)],
      ],
    );
    assert.ok(!JSON.stringify(found).includes(key), 'what was found holds only the mask');

    const profile = uniqueProfile('migrated');
    const report = await migratePlaintextKeys(found, settings, target(profile));
    assert.equal(report.moved.length, 2);
    assert.deepEqual(report.skipped, []);
    assert.equal(
      await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile),
      key,
      'the key is in the keychain',
    );
    assert.deepEqual(await findPlaintextKeys(settings), [], 'and in no setting');
    assert.deepEqual(JSON.parse(readFileSync(files.user, 'utf8').replace(/^\s*\/\/.*$/gm, '')), {
      'editor.fontSize': 14,
      'files.eol': '\n',
    });
    assert.deepEqual(await scanForSecret([dir], key), [], 'the key is in no file of the settings tree');
  });

  it('moves an apiKey typed into a secureGpt.profiles entry into that profile, keeping the rest of the entry', async () => {
    const key = freshOpenAiKey();
    const profile = uniqueProfile('entry');
    created.push(profile);
    const entries = [
      { name: profile, kind: 'openai', model: 'gpt-4o-mini', apiKey: key },
      { name: 'local', kind: 'dry-run' },
    ];
    writeFileSync(files.user, JSON.stringify({ 'secureGpt.profiles': entries }));
    writeFileSync(files.workspace, '{}');
    const settings = new FileSettings(files);
    const found = await findPlaintextKeys(settings);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.profileName, profile);
    const report = await migratePlaintextKeys(found, settings, target(uniqueProfile('unused')));
    assert.equal(report.moved[0]?.profile, profile);
    assert.equal(await readItemFromAnotherProcess(KEYCHAIN_SERVICE, profile), key);
    const after = JSON.parse(readFileSync(files.user, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(after['secureGpt.profiles'], [
      { name: profile, kind: 'openai', model: 'gpt-4o-mini' },
      { name: 'local', kind: 'dry-run' },
    ]);
  });

  it('never overwrites a different key already in the keychain: the setting stays and the report says why', async () => {
    const [stored, plaintext] = [freshOpenAiKey(), freshOpenAiKey()];
    const profile = uniqueProfile('conflict');
    await keychain.set(profile, stored);
    writeFileSync(files.user, JSON.stringify({ 'openai.apiKey': plaintext }));
    writeFileSync(files.workspace, '{}');
    const settings = new FileSettings(files);
    const report = await migratePlaintextKeys(await findPlaintextKeys(settings), settings, target(profile));
    assert.equal(report.moved.length, 0);
    assert.match(report.skipped[0]?.reason ?? '', /already holds a different key/);
    assert.ok(!JSON.stringify(report).includes(stored) && !JSON.stringify(report).includes(plaintext));
    assert.equal(await keychain.get(profile), stored);
    assert.equal((await settings.inspect('openai.apiKey')).length, 1);
  });

  it('ignores values that are not keys: ${env:…} references, dummy words, empty strings', async () => {
    writeFileSync(
      files.user,
      JSON.stringify({
        'codegpt.apiKey': '${env:OPENAI_API_KEY}',
        'CodeGPT.apiKey': 'Ollama',
        'openai.apiKey': '',
      }),
    );
    writeFileSync(files.workspace, JSON.stringify({ 'chatgpt.apiKey': 'CodeGPT Plus Beta' }));
    assert.deepEqual(await findPlaintextKeys(new FileSettings(files)), []);
  });
});
