import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ALNUM, randomToken } from '../detect/random';
import { environmentKeys, loadKnownValues } from './knownValueSource';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sgpt-known-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const secret = (label: string): string => `${label}-${randomToken(ALNUM, 16)}`;

describe('the known-value source', () => {
  it('reads every env file from the git root down, with the keys in use and the listed values', async () => {
    const [rootPw, apiPw, local, template, dependency] = [
      secret('root'),
      secret('api'),
      secret('local'),
      secret('tpl'),
      secret('dep'),
    ];
    const phrase = ['correct', 'horse', 'battery', randomToken('abcdef', 3)].join('-');
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main',
      '.env': `DB_PASSWORD=${phrase}\nROOT_SECRET=${rootPw}\nNODE_ENV=production\n`,
      'services/api/.env': `export API_TOKEN="${apiPw}"\n`,
      'services/api/.env.local': `LOCAL_VALUE=${local}\n`,
      'services/api/.env.example': `API_TOKEN=${template}\n`,
      'node_modules/pkg/.env': `TOKEN=${dependency}\n`,
      'services/api/src/main.ts': '',
    });
    const key = secret('key');
    const listed = secret('listed');
    const loaded = await loadKnownValues({
      starts: [join(root, 'services', 'api', 'src')],
      apiKeys: [key],
      listed: [listed],
    });
    const plain = loaded.values.filter((k) => !k.encoded).map((k) => [k.kind, k.value]);
    assert.deepEqual(plain, [
      ['api-key', key],
      ['listed-value', listed],
      ['env-value', phrase],
      ['env-value', rootPw],
      ['env-value', apiPw],
      ['env-value', local],
    ]);
    // Encoded copies come along, under the kind of their value.
    const b64 = Buffer.from(apiPw).toString('base64').replace(/=+$/, '');
    assert.ok(loaded.values.some((k) => k.encoded && k.kind === 'env-value' && k.value === b64));
    assert.deepEqual(loaded.notes, []);
  });

  it('searches a root shared by two starts once, and says what it could not read by path only', async () => {
    const pw = secret('pw');
    const root = tree({ '.git/HEAD': '', 'a/.env': `SECRET=${pw}\n`, 'b/x': '' });
    const loaded = await loadKnownValues({ starts: [join(root, 'a'), join(root, 'b')] });
    assert.equal(loaded.files.length, 1);
    assert.equal(loaded.values.filter((k) => k.value === pw).length, 1);
    const tight = await loadKnownValues({
      starts: [root],
      limits: { maxDepth: 8, maxDirs: 1, maxFiles: 10, maxFileSize: 1 },
    });
    assert.deepEqual(tight.values, []);
    assert.ok(tight.notes.length > 0 && tight.notes.every((n) => !n.includes(pw)));
  });

  it('takes the provider keys from the environment', () => {
    const key = secret('sk');
    assert.deepEqual(environmentKeys({ OPENAI_API_KEY: ` ${key} `, HOME: '/h' }), [key]);
    assert.deepEqual(environmentKeys({}), []);
  });
});
