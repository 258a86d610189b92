import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildOptions, Metafile } from 'esbuild';
import { build } from 'esbuild';

// VS Code reads, compiles and runs dist/extension.js before `activate`; everything else loads just after, from
// dist/ext/ (esbuild.js, src/extension/chunks.ts). These checks build the extension as esbuild.js does and read
// back which modules each bundle is made of (esbuild's metafile), and what a `require` of the entry loads.
const repo = resolve(__dirname, '../../..');
const outDir = join(repo, 'out/extensionBundleCheck');

// eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is the build script, plain CommonJS
const { extensionBundle, common } = require(join(repo, 'esbuild.js')) as {
  extensionBundle: (options: BuildOptions, how: { outdir: string }) => BuildOptions;
  common: BuildOptions;
};

/**
 * What activation need not parse: the model SDK and its transport, schemas, the LSP stack, the pipeline, and the
 * detection engine (the log holds its lines until its scrubber has loaded: src/extension/log.ts).
 */
const HEAVY = [
  'node_modules/zod/',
  'node_modules/openai/',
  'node_modules/undici/',
  'node_modules/vscode-languageclient/',
  'node_modules/vscode-jsonrpc/',
  'node_modules/vscode-languageserver-protocol/',
  'node_modules/picomatch/',
  'src/core/openai/',
  'src/core/net/',
  'src/core/pipeline/',
  'src/core/detect/',
  'src/extension/keys/',
  'src/extension/chat/chatSession.ts',
  'src/extension/languageClient.ts',
];

function heavyIn(metafile: Metafile, output: string): string[] {
  const meta = metafile.outputs[output];
  assert.ok(meta, `no output ${output} in ${Object.keys(metafile.outputs).join(', ')}`);
  const inputs = Object.keys(meta.inputs);
  return HEAVY.filter((heavy) => inputs.some((input) => input.includes(heavy)));
}

describe('extension bundles: what VS Code parses before activate', function () {
  this.timeout(120_000);
  let metafile: Metafile;

  before(async () => {
    const result = await build({
      ...extensionBundle({ ...common, sourcemap: false }, { outdir: outDir }),
      absWorkingDir: repo,
      metafile: true,
    });
    metafile = result.metafile;
  });
  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the entry without zod, openai, undici, the LSP library, the pipeline or the detection engine', () => {
    assert.deepEqual(heavyIn(metafile, 'out/extensionBundleCheck/extension.js'), []);
  });

  it('puts them in the features bundle and the engine in the log scrubber, required by relative path', () => {
    assert.deepEqual(heavyIn(metafile, 'out/extensionBundleCheck/ext/features.js'), HEAVY);
    const entry = metafile.outputs['out/extensionBundleCheck/extension.js'];
    assert.ok(entry);
    assert.deepEqual(
      entry.imports
        .filter((i) => i.path.startsWith('.'))
        .map((i) => i.path)
        .sort(),
      ['./ext/features.js', './ext/logScrubber.js'],
    );
    assert.deepEqual(heavyIn(metafile, 'out/extensionBundleCheck/ext/logScrubber.js'), ['src/core/detect/']);
  });

  it('loads only the entry on require: the features bundle waits for activate', () => {
    // A stub `vscode` (any property, call or construction gives the stub again) is enough for top-level code.
    const child = `
      const Module = require('node:module');
      const stub = new Proxy(function () {}, {
        get: (_t, key) => (key === 'then' ? undefined : stub),
        apply: () => stub,
        construct: () => stub,
      });
      const load = Module._load;
      Module._load = function (request, ...rest) {
        return request === 'vscode' ? stub : load.call(this, request, ...rest);
      };
      const entry = require(process.argv[1]);
      console.log(JSON.stringify({
        exports: Object.keys(entry).sort(),
        loaded: Object.keys(require.cache).map((f) => require('node:path').relative(process.argv[2], f)),
      }));
    `;
    const r = spawnSync(process.execPath, ['-e', child, join(outDir, 'extension.js'), outDir], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const { exports, loaded } = JSON.parse(r.stdout) as { exports: string[]; loaded: string[] };
    assert.deepEqual(exports, ['activate', 'deactivate']);
    assert.deepEqual(loaded, ['extension.js']);
  });
});
