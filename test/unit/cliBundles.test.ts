import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../support/nodeBundle';
import { makeTree } from './cliSupport';

// `secure-gpt scan` runs on every commit as a pre-commit hook, so what it parses is start-up time. These
// checks hold the scan path to the engine: the CLI is built as esbuild.js builds it, and the bundles'
// module lists (esbuild's metafile) and the modules a real scan process loads are read back.
const repo = resolve(__dirname, '../../..');
const outDir = join(repo, 'out/cliBundleCheck');

/** Packages the scan has no use for: the model SDK and its transport, schemas, the keychain, the LSP stack. */
const HEAVY = [
  'zod',
  'openai',
  'undici',
  'keytar',
  'vscode-languageserver',
  'vscode-languageserver-textdocument',
  'vscode-jsonrpc',
  'vscode-languageclient',
];

/**
 * Our own modules that stand for those packages: keytar is loaded by absolute path at first use (so no
 * bundler sees the name), through the keychain module.
 */
const HEAVY_SOURCES = ['src/core/keys/keychain.ts', 'src/core/openai/', 'src/server/', 'src/extension/'];

/** The npm packages an output is built from or requires at run time (externals), and its heavy sources. */
function packagesOf(metafile: Metafile, output: string): Set<string> {
  const meta = metafile.outputs[output];
  assert.ok(meta, `no output ${output} in ${Object.keys(metafile.outputs).join(', ')}`);
  const names = new Set<string>();
  const packageOf = (path: string): string | undefined => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    return m?.[1];
  };
  for (const input of Object.keys(meta.inputs)) {
    const name = packageOf(input);
    if (name) {
      names.add(name);
    }
    const source = HEAVY_SOURCES.find((prefix) => input.startsWith(prefix));
    if (source) {
      names.add(source);
    }
  }
  for (const imported of meta.imports) {
    if (imported.external && !imported.path.startsWith('node:') && !imported.path.startsWith('.')) {
      names.add(imported.path.split('/')[0]!);
    }
  }
  return names;
}

describe('CLI bundles: what the scan path loads', function () {
  this.timeout(60_000);
  let metafile: Metafile;

  before(async () => {
    mkdirSync(outDir, { recursive: true });
    const result = await build({
      ...nodeBundleOptions('src/cli/cli.ts', join(outDir, 'cli.js')),
      metafile: true,
    });
    metafile = result.metafile;
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes every bundle as ASCII, so that V8 holds each as a one-byte string', () => {
    const outputs = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js'));
    assert.ok(outputs.length >= 3, outputs.join());
    for (const file of outputs) {
      assert.equal(
        readFileSync(resolve(repo, file)).findIndex((b) => b > 0x7f),
        -1,
        file,
      );
    }
  });

  it('builds the scan bundle from the engine alone: no zod, openai, keytar or LSP code', () => {
    const scan = packagesOf(metafile, 'out/cliBundleCheck/cli/scan.js');
    assert.deepEqual(
      [...HEAVY, ...HEAVY_SOURCES].filter((name) => scan.has(name)),
      [],
    );
    // What the scan does use, so that a renamed output cannot pass this test by being empty.
    assert.ok(scan.has('picomatch') && scan.has('ignore'), [...scan].join(', '));
    const dispatcher = packagesOf(metafile, 'out/cliBundleCheck/cli.js');
    assert.deepEqual([...dispatcher], []);
  });

  it('does keep those packages in the commands that need them', () => {
    // The check above must be able to fail: the same reading finds them where they belong.
    assert.ok(packagesOf(metafile, 'out/cliBundleCheck/cli/ask.js').has('openai'));
    assert.ok(packagesOf(metafile, 'out/cliBundleCheck/cli/key.js').has('src/core/keys/keychain.ts'));
    assert.ok(packagesOf(metafile, 'out/cliBundleCheck/cli/ask.js').has('zod'));
    assert.ok(packagesOf(metafile, 'out/cliBundleCheck/cli/lsp.js').has('vscode-languageserver'));
  });

  it('loads only the dispatcher and the scan bundle in a real scan process', () => {
    const tree = makeTree({ 'a.ts': 'export const a = 1;\n', 'b.md': '# b\n' });
    try {
      const hook = writeLoadHook(tree);
      for (const run of ['cache missed', 'cache hit']) {
        const { loaded, cached } = hookedScan(tree, hook, ['a.ts', 'b.md']);
        const files = loaded.filter((request) => /^[./]|^script /.test(request));
        assert.deepEqual(files.slice(1), [`script ${join(outDir, 'cli', 'scan.js')}`], run);
        assert.deepEqual(
          loaded.filter((request) =>
            HEAVY.some((name) => request === name || request.startsWith(`${name}/`)),
          ),
          [],
          run,
        );
        // The first run wrote the cache the second ran from, and V8 took it: its check covers V8's flags, which
        // the dispatcher changes for a scan (scanJit.ts) before the bundle loads.
        assert.equal(readdirSync(join(tree, 'cache')).filter((name) => name.startsWith('scan-')).length, 1);
        assert.deepEqual(cached, run === 'cache hit' ? ['accepted'] : [], run);
      }
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('loads redact and ask through the code cache too, written by their first run', () => {
    // Without it, ask's bundle (the openai SDK, zod) took ~200 ms to compile and run at every start.
    const tree = makeTree({ 'a.ts': 'export const a = 1;\n' });
    try {
      const hook = writeLoadHook(tree);
      for (const argv of [
        ['redact', 'a.ts'],
        ['ask', '--help'],
      ]) {
        const name = argv[0]!;
        assert.deepEqual(hookedCli(tree, hook, argv).cached, [], `${name}: no cache yet`);
        const second = hookedCli(tree, hook, argv);
        assert.ok(second.loaded.includes(`script ${join(outDir, 'cli', `${name}.js`)}`), name);
        assert.deepEqual(second.cached, ['accepted'], `${name}: cache taken`);
        assert.equal(readdirSync(join(tree, 'cache')).filter((f) => f.startsWith(`${name}-`)).length, 1);
      }
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('takes the code cache that a scan with other --jobs wrote (the same V8 flags for every scan)', () => {
    // V8 rejects a cache made under other flags; flags set for `--jobs 2` only had each kind of scan throw
    // away and rewrite the other's (20-30 ms of compiling each time).
    const tree = makeTree({ 'src/a.ts': 'export const a = 1;\n', 'src/b.md': '# b\n' });
    try {
      const hook = writeLoadHook(tree);
      assert.deepEqual(hookedScan(tree, hook, ['src', '--jobs', '2']).cached, [], 'no cache yet');
      assert.deepEqual(
        hookedScan(tree, hook, ['src', '--jobs', '1']).cached,
        ['accepted'],
        '--jobs 1 after 2',
      );
      assert.deepEqual(
        hookedScan(tree, hook, ['src', '--jobs', '2']).cached,
        ['accepted'],
        '--jobs 2 after 1',
      );
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});

/**
 * A require hook in `tree` that lists every file module the process loads, and every script it compiles
 * itself (the scan bundle, through the code cache: src/cli/codeCache.ts) with whether V8 took its cache.
 */
function writeLoadHook(tree: string): string {
  const hook = join(tree, 'hook.js');
  writeFileSync(
    hook,
    "const M = require('node:module'); const load = M._load; const seen = [];\n" +
      "M._load = function (request, parent, isMain) { if (!request.startsWith('node:')) seen.push(request);\n" +
      '  return load.apply(this, arguments); };\n' +
      "const vm = require('node:vm'); const Script = vm.Script;\n" +
      'const cached = [];\n' +
      "vm.Script = class extends Script { constructor(code, o) { super(code, o); seen.push('script ' + o.filename);\n" +
      "  if (o.cachedData) cached.push(this.cachedDataRejected ? 'rejected' : 'accepted'); } };\n" +
      // The main thread's only: a worker (`--jobs 2`) runs the hook too, for its own bundle.
      "if (require('node:worker_threads').isMainThread) process.on('exit', () =>\n" +
      "  process.stderr.write('\\nLOADED ' + JSON.stringify(seen) + '\\nCACHED ' + JSON.stringify(cached) + '\\n'));\n",
  );
  return hook;
}

/** `secure-gpt scan args` in `tree` under `hook`, with a code cache in `tree/cache`: what the hook saw. */
function hookedScan(
  tree: string,
  hook: string,
  args: readonly string[],
): { readonly loaded: string[]; readonly cached: string[] } {
  return hookedCli(tree, hook, ['scan', ...args]);
}

/** `secure-gpt argv` in `tree` under `hook`, with a code cache in `tree/cache`: what the hook saw. */
function hookedCli(
  tree: string,
  hook: string,
  argv: readonly string[],
): { readonly loaded: string[]; readonly cached: string[] } {
  const r = spawnSync(process.execPath, ['--require', hook, join(outDir, 'cli.js'), ...argv], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...process.env, SECURE_GPT_CODE_CACHE: join(tree, 'cache') },
  });
  assert.equal(r.status, 0, r.stderr);
  return {
    loaded: JSON.parse(/LOADED (.*)\n/.exec(r.stderr)?.[1] ?? 'null') as string[],
    cached: JSON.parse(/CACHED (.*)\n/.exec(r.stderr)?.[1] ?? 'null') as string[],
  };
}
