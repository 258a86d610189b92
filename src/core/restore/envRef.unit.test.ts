import * as assert from 'node:assert';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import type { EnvFamily } from './envRef';
import { envFamily, envVarName, locateSecret, replaceWithEnv, ruleVarName, upperSnake } from './envRef';

const S = githubToken('ghp', randomToken(ALNUM, 30));
const github = { provider: 'GitHub', description: 'GitHub personal access token' };

/** `line` with its `S` replaced as the quick fix would, or undefined when no fix is offered. */
function fix(family: EnvFamily, line: string): string | undefined {
  const from = line.indexOf(S);
  const r = replaceWithEnv(family, 'GITHUB_TOKEN', line, from, from + S.length);
  return r && line.slice(0, r.start) + r.text + line.slice(r.end);
}

describe('envRef', () => {
  describe('replaceWithEnv keeps code valid in each language', () => {
    const cases: [EnvFamily, string, string | undefined][] = [
      ['js', `const token = "${S}";`, 'const token = process.env.GITHUB_TOKEN;'],
      [
        'js',
        `fetch(u, { headers: { Authorization: 'Bearer ${S}' } });`,
        "fetch(u, { headers: { Authorization: 'Bearer ' + process.env.GITHUB_TOKEN } });",
      ],
      ['js', `const h = \`token ${S}\`;`, 'const h = `token ${process.env.GITHUB_TOKEN}`;'],
      ['js', `// old key: ${S}`, undefined],
      ['python', `client = Github("${S}")`, 'client = Github(os.environ["GITHUB_TOKEN"])'],
      [
        'python',
        `url = f"https://x:${S}@host/{p}"`,
        'url = f"https://x:" + os.environ["GITHUB_TOKEN"] + f"@host/{p}"',
      ],
      ['python', `key = r'${S}'`, 'key = os.environ["GITHUB_TOKEN"]'],
      ['go', `token := "${S}"`, 'token := os.Getenv("GITHUB_TOKEN")'],
      ['java', `String token = "${S}";`, 'String token = System.getenv("GITHUB_TOKEN");'],
      ['csharp', `var token = @"${S}";`, 'var token = Environment.GetEnvironmentVariable("GITHUB_TOKEN");'],
      ['ruby', `token = '${S}'`, 'token = ENV["GITHUB_TOKEN"]'],
      ['php', `$token = '${S}';`, "$token = getenv('GITHUB_TOKEN');"],
      ['php', `$h = "Bearer ${S}";`, `$h = "Bearer " . getenv('GITHUB_TOKEN');`],
      [
        'rust',
        `let token = "${S}";`,
        'let token = std::env::var("GITHUB_TOKEN").expect("GITHUB_TOKEN is not set");',
      ],
      ['rust', `let h = "Bearer ${S}";`, undefined],
      ['shell', `export TOKEN=${S}`, 'export TOKEN="${GITHUB_TOKEN}"'],
      ['shell', `TOKEN='${S}'`, 'TOKEN="${GITHUB_TOKEN}"'],
      [
        'shell',
        `curl -H "Authorization: token ${S}" $URL`,
        'curl -H "Authorization: token ${GITHUB_TOKEN}" $URL',
      ],
      ['shell', `curl -H 'Authorization: token ${S}'`, `curl -H 'Authorization: token '"\${GITHUB_TOKEN}"`],
      ['yaml', `  token: ${S}`, '  token: ${GITHUB_TOKEN}'],
      ['yaml', `  token: "${S}"`, '  token: "${GITHUB_TOKEN}"'],
      ['yaml', `  url: "https://x:${S}@h"`, '  url: "https://x:${GITHUB_TOKEN}@h"'],
      ['json', `  "token": "${S}"`, undefined],
      ['dotenv', `TOKEN=${S}`, undefined],
      ['js', `const s = \`first line ${S}`, undefined],
    ];
    for (const [family, line, expected] of cases) {
      it(`${family}: ${line.replace(S, 'KEY')}`, () => assert.strictEqual(fix(family, line), expected));
    }
  });

  it('locates a secret inside, outside or across quotes', () => {
    const at = (line: string): ReturnType<typeof locateSecret> => {
      const from = line.indexOf(S);
      return locateSecret(line, from, from + S.length);
    };
    assert.deepStrictEqual(at(`x = "${S}"`), { start: 4, end: 6 + S.length, quote: '"', prefix: '' });
    assert.deepStrictEqual(at(`x = b'${S}'`), { start: 4, end: 7 + S.length, quote: "'", prefix: 'b' });
    assert.strictEqual(at(`x = ${S}`), 'bare');
    assert.strictEqual(at(`x = "a\\" ${S}`), 'multiline');
    const later = `a = "b", c = "${S}", d = 'e'`;
    const found = at(later);
    assert.strictEqual(
      typeof found === 'object' && found.start,
      later.indexOf(S) - 1,
      'the second literal, not the first',
    );
  });

  it('names the variable from the assignment when it says what the secret is, else from the rule', () => {
    assert.strictEqual(envVarName('const githubToken = ', github), 'GITHUB_TOKEN');
    assert.strictEqual(envVarName('token = ', github), 'GITHUB_TOKEN');
    assert.strictEqual(envVarName('const deployPat = ', github), 'DEPLOY_PAT');
    assert.strictEqual(envVarName('export CI_BOT_TOKEN=', github), 'CI_BOT_TOKEN');
    assert.strictEqual(envVarName('  "api_key": ', github), 'GITHUB_TOKEN');
    assert.strictEqual(envVarName('let token: &str = ', github), 'GITHUB_TOKEN');
    assert.strictEqual(envVarName('val releaseToken: String = ', github), 'RELEASE_TOKEN');
    assert.strictEqual(envVarName("'backup_key' => ", github), 'BACKUP_KEY');
    assert.strictEqual(envVarName('self.webhook_secret = ', github), 'WEBHOOK_SECRET');
    assert.strictEqual(envVarName('client = Github(', github), 'GITHUB_TOKEN');
    assert.strictEqual(envVarName('headers["Authorization"] = ', github), 'GITHUB_TOKEN');
  });

  it('derives PROVIDER_KIND names from the finding', () => {
    assert.strictEqual(ruleVarName({ provider: 'OpenAI', description: 'OpenAI API key' }), 'OPENAI_API_KEY');
    assert.strictEqual(
      ruleVarName({ provider: 'AWS', description: 'AWS secret access key' }),
      'AWS_SECRET_ACCESS_KEY',
    );
    assert.strictEqual(
      ruleVarName({ provider: 'AWS', description: 'AWS access key ID' }),
      'AWS_ACCESS_KEY_ID',
    );
    assert.strictEqual(
      ruleVarName({ provider: 'Hugging Face', description: 'Hugging Face access token' }),
      'HUGGING_FACE_TOKEN',
    );
    assert.strictEqual(
      ruleVarName({ provider: 'Slack', description: 'Slack incoming webhook URL' }),
      'SLACK_WEBHOOK_URL',
    );
    assert.strictEqual(
      ruleVarName({ provider: 'Generic', description: 'Password in an assignment' }),
      'PASSWORD',
    );
    assert.strictEqual(upperSnake('APIKey'), 'API_KEY');
    assert.strictEqual(upperSnake('x-api-key'), 'X_API_KEY');
  });

  it('picks the family by file name first, then language id', () => {
    assert.strictEqual(envFamily('plaintext', '/w/.env.local'), 'dotenv');
    assert.strictEqual(envFamily('properties', '/w/prod.env'), 'dotenv');
    assert.strictEqual(envFamily('dockercompose', '/w/compose.yaml'), 'yaml');
    assert.strictEqual(envFamily('typescriptreact', '/w/a.tsx'), 'js');
    assert.strictEqual(envFamily('kotlin', '/w/A.kt'), 'java');
    assert.strictEqual(envFamily('bash', '/w/run'), 'shell');
    assert.strictEqual(envFamily('markdown', '/w/README.md'), undefined);
  });
});
