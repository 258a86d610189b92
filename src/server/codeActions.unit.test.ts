import * as assert from 'node:assert';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertGithubTokenFixes } from '../../test/support/quickFixes';
import { githubToken } from '../core/detect/checksum';
import { fingerprintOf } from '../core/detect/finding';
import { ALNUM, randomToken } from '../core/detect/random';
import { scan } from '../core/detect/scanner';
import type { FixContext } from './codeActions';
import { codeActionsFor } from './codeActions';

const folder = '/work/space';
const S = githubToken('ghp', randomToken(ALNUM, 30));

interface Setup {
  readonly files?: Record<string, string>;
  readonly ignored?: readonly string[];
  readonly documentChanges?: boolean;
}

/** Quick fixes for the one key in `text`, in a file at `rel` of the workspace folder. */
function fixes(
  rel: string,
  languageId: string,
  text: string,
  setup: Setup = {},
): { actions: CodeAction[]; diagnostic: Diagnostic } {
  const path = join(folder, rel);
  const document = TextDocument.create(pathToFileURL(path).href, languageId, 3, text);
  const start = document.positionAt(text.indexOf(S));
  const end = document.positionAt(text.indexOf(S) + S.length);
  const diagnostic: Diagnostic = {
    range: { start, end },
    code: 'github-pat',
    source: 'secure-gpt',
    message: 'GitHub personal access token: anyone with this file can act as you on GitHub.',
    data: { fingerprint: fingerprintOf(S), provider: 'GitHub', description: 'GitHub personal access token' },
  };
  const files = setup.files ?? {};
  const context: FixContext = {
    document,
    path,
    folder,
    relPath: rel,
    readText: (p) => files[p.slice(folder.length + 1)],
    isGitIgnored: (p) => (setup.ignored ?? []).includes(p.slice(folder.length + 1)),
    capabilities: {
      documentChanges: setup.documentChanges ?? true,
      createFile: setup.documentChanges ?? true,
    },
  };
  const other: Diagnostic = { ...diagnostic, source: 'eslint', code: 'no-unused-vars' };
  return { actions: codeActionsFor(context, [diagnostic, other]), diagnostic };
}

const titles = (actions: readonly CodeAction[]): string[] => actions.map((a) => a.title);
const uriOf = (rel: string): string => pathToFileURL(join(folder, rel)).href;

/** The text edits an action makes to `rel`. */
function editsTo(action: CodeAction | undefined, rel: string): TextEdit[] {
  const changes = action?.edit?.documentChanges ?? [];
  return changes
    .filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uriOf(rel))
    .flatMap((c) => c.edits as TextEdit[]);
}

function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), [...edits]);
}

describe('codeActions', () => {
  it('offers the four fixes for a key in code, each a quickfix carrying its diagnostic', () => {
    const { actions, diagnostic } = fixes('src/app.ts', 'typescript', `const token = "${S}";\n`);
    assertGithubTokenFixes(actions, diagnostic);
    assert.strictEqual(actions[0]!.isPreferred, true);
    const edit = editsTo(actions[0], 'src/app.ts');
    assert.strictEqual(applied(`const token = "${S}";\n`, edit), 'const token = process.env.GITHUB_TOKEN;\n');
    assert.strictEqual((actions[0]!.edit!.documentChanges![0] as TextDocumentEdit).textDocument.version, 3);
  });

  it('moves the value into a new .env and git-ignores it, the value going only into .env', () => {
    const text = `API = "${S}"\n`;
    const { actions } = fixes('app.py', 'python', text);
    const move = actions.find((a) => a.title.startsWith('Move'));
    const created = move!
      .edit!.documentChanges!.filter((c) => 'kind' in c)
      .map((c) => ('uri' in c ? c.uri : ''));
    assert.deepStrictEqual(created, [uriOf('.env'), uriOf('.gitignore')]);
    assert.strictEqual(applied('', editsTo(move, '.env')), `GITHUB_TOKEN=${S}\n`);
    assert.strictEqual(applied('', editsTo(move, '.gitignore')), '.env\n');
    assert.strictEqual(
      applied(text, editsTo(move, 'app.py')),
      'import os\nAPI = os.environ["GITHUB_TOKEN"]\n',
    );
    assert.strictEqual(JSON.stringify(editsTo(move, 'app.py')).includes(S), false);
  });

  it('appends to an existing .env under a free name, and leaves a .gitignore that already covers it', () => {
    const files = { '.env': 'GITHUB_TOKEN=other', '.gitignore': 'node_modules\n.env*\n' };
    const text = `package main\n\nimport (\n\t"fmt"\n)\n\nvar token = "${S}"\n`;
    const { actions } = fixes('main.go', 'go', text, { files, ignored: ['.env'] });
    const move = actions.find((a) => a.title.startsWith('Move'))!;
    assert.strictEqual(move.title, 'Move the value into .env as GITHUB_TOKEN_2 (git-ignored)');
    assert.strictEqual(
      applied(files['.env'], editsTo(move, '.env')),
      `GITHUB_TOKEN=other\nGITHUB_TOKEN_2=${S}\n`,
    );
    assert.deepStrictEqual(editsTo(move, '.gitignore'), []);
    assert.ok(!move.edit!.documentChanges!.some((c) => 'kind' in c), 'no file is created');
    assert.strictEqual(
      applied(text, editsTo(move, 'main.go')),
      'package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar token = os.Getenv("GITHUB_TOKEN_2")\n',
    );
  });

  it('in a committed .env-style file, the move leaves the key name without the value', () => {
    const text = `GITHUB_TOKEN=${S}\n`;
    const { actions } = fixes('config/prod.env', 'properties', text);
    assert.deepStrictEqual(titles(actions), [
      'Move the value into .env as GITHUB_TOKEN (git-ignored)',
      'Ignore this secret on this line (secure-gpt-ignore)',
      'Allowlist this finding in the workspace',
    ]);
    assert.strictEqual(applied(text, editsTo(actions[0], 'config/prod.env')), 'GITHUB_TOKEN=\n');
  });

  it('in the root .env that git does not ignore, offers to git-ignore it', () => {
    const { actions } = fixes('.env', 'dotenv', `GITHUB_TOKEN=${S}\n`, { files: { '.gitignore': 'dist/' } });
    assert.strictEqual(actions[0]!.title, 'Add .env to .gitignore');
    assert.strictEqual(applied('dist/', editsTo(actions[0], '.gitignore')), 'dist/\n.env\n');
    assert.ok(!titles(actions).some((t) => t.startsWith('Move')));
  });

  it('offers only the allowlist in JSON, which has neither env refs nor comments', () => {
    assert.deepStrictEqual(titles(fixes('config.json', 'json', `{ "token": "${S}" }`).actions), [
      'Allowlist this finding in the workspace',
    ]);
  });

  it('inserts the ignore comment above the line, indented like it, in the language syntax', () => {
    const text = `def f():\n    key = "${S}"\n`;
    const ignore = fixes('a.py', 'python', text).actions.find((a) => a.title.startsWith('Ignore'));
    assert.strictEqual(
      applied(text, editsTo(ignore, 'a.py')),
      `def f():\n    # secure-gpt-ignore\n    key = "${S}"\n`,
    );
  });

  it('writes an ignore comment the engine honors, in every comment syntax it knows', () => {
    const languages = [
      'typescript',
      'python',
      'go',
      'rust',
      'shellscript',
      'yaml',
      'html',
      'sql',
      'css',
      'ini',
      'bat',
      'latex',
    ];
    for (const languageId of languages) {
      const text = `first\n  value = "${S}"\n`;
      const ignore = fixes('f', languageId, text).actions.find((a) => a.title.startsWith('Ignore'));
      assert.ok(ignore, languageId);
      const after = applied(text, editsTo(ignore, 'f'));
      assert.strictEqual(scan(text).length, 1);
      assert.deepStrictEqual(scan(after), [], `${languageId}: ${after.split('\n')[1]}`);
    }
  });

  it('adds the fingerprint to the allowlist file, keeping what it holds, and never rewrites a broken one', () => {
    const existing = JSON.stringify({
      fingerprints: [{ sha256: 'a'.repeat(64), note: 'fixture' }],
      paths: ['vendor/**'],
    });
    const text = `k = "${S}"\n`;
    const allow = fixes('src/k.rb', 'ruby', text, {
      files: { '.secure-gpt/allowlist.json': existing },
    }).actions.at(-1);
    const written: unknown = JSON.parse(applied(existing, editsTo(allow, '.secure-gpt/allowlist.json')));
    assert.deepStrictEqual(written, {
      fingerprints: [
        { sha256: 'a'.repeat(64), note: 'fixture' },
        {
          sha256: fingerprintOf(S),
          rule: 'github-pat',
          note: 'GitHub personal access token in src/k.rb:1, allowlisted from the editor',
        },
      ],
      paths: ['vendor/**'],
    });
    const broken = fixes('src/k.rb', 'ruby', text, { files: { '.secure-gpt/allowlist.json': '{ not json' } });
    assert.ok(!titles(broken.actions).some((t) => t.startsWith('Allowlist')));
  });

  it('offers nothing for a diagnostic whose range no longer holds the secret (stale)', () => {
    const path = join(folder, 'b.ts');
    const document = TextDocument.create(
      pathToFileURL(path).href,
      'typescript',
      1,
      `const t = "${'x'.repeat(S.length)}";`,
    );
    // The diagnostic was published for the key; the text has since been retyped over the same range.
    const { diagnostic } = fixes('b.ts', 'typescript', `const t = "${S}";`);
    const context: FixContext = {
      document,
      path,
      folder,
      relPath: 'b.ts',
      readText: () => undefined,
      isGitIgnored: () => false,
      capabilities: { documentChanges: true, createFile: true },
    };
    assert.deepStrictEqual(codeActionsFor(context, [diagnostic]), []);
  });

  it('without documentChanges support: plain `changes`, and no fix that would have to create a file', () => {
    const { actions } = fixes('a.ts', 'typescript', `const t = "${S}";`, { documentChanges: false });
    assert.deepStrictEqual(titles(actions), [
      'Replace with environment variable GITHUB_TOKEN',
      'Ignore this secret on this line (secure-gpt-ignore)',
    ]);
    assert.ok(actions[0]!.edit!.changes![uriOf('a.ts')]);
  });
});

describe('the OpenAI keychain hand-over', () => {
  const key = ['sk', 'proj', randomToken(ALNUM, 74) + 'T3BlbkFJ' + randomToken(ALNUM, 74)].join('-');
  const text = `const client = new OpenAI({ apiKey: "${key}" });\n`;
  const document = TextDocument.create(pathToFileURL(join(folder, 'c.ts')).href, 'typescript', 1, text);

  it('offers a command that carries where the key is and its fingerprint, never the key', () => {
    const [finding] = scan(text);
    assert.ok(finding && finding.ruleId.startsWith('openai-'), `found ${finding?.ruleId ?? 'nothing'}`);
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
      code: finding.ruleId,
      source: 'secure-gpt',
      message: finding.message,
      data: {
        fingerprint: finding.fingerprint,
        provider: finding.provider,
        description: finding.description,
      },
    };
    const context: FixContext = {
      document,
      path: join(folder, 'c.ts'),
      folder,
      relPath: 'c.ts',
      readText: () => undefined,
      isGitIgnored: () => false,
      capabilities: { documentChanges: true, createFile: true },
    };
    const store = codeActionsFor(context, [diagnostic]).find((a) =>
      a.title.startsWith('Store the key in the keychain'),
    );
    assert.ok(store?.command);
    assert.equal(store.edit, undefined, 'nothing is edited before the key is stored');
    assert.equal(store.command.command, 'secureGpt.storeKeyFromFile');
    assert.ok(!JSON.stringify(store).includes(key));
    const [args] = store.command.arguments as [{ fingerprint: string; edits: TextEdit[] }];
    assert.equal(args.fingerprint, finding.fingerprint);
    assert.deepEqual(
      args.edits.map((e) => e.newText),
      ['process.env.OPENAI_API_KEY'],
    );
  });
});
