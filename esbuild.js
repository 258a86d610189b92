// One esbuild context per bundle: extension, language server, CLI (node/cjs) and the chat webview (browser/iife).
// `--production` minifies; dev builds carry sourcemaps without sources. `--watch` prints the lines the
// esbuild problem matcher (connor4312.esbuild-problem-matchers) reads.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** The extension as one bundle, as it was before the split: for before/after figures only, never shipped. */
const singleBundle = process.argv.includes('--single-bundle');

/** Native and host-provided modules stay outside the bundles; keytar ships in the package's node_modules. */
const nodeExternal = ['vscode', 'keytar'];

/** @type {import('esbuild').Plugin} */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Production bundles leave out the rules' negative test cases. They are placeholders and near misses that
 * other scanners (vsce's secretlint among them) take for live keys, and they serve no purpose at run time;
 * the unit tests read them from the sources. Each `negatives: [...]` array literal under
 * src/core/detect/rules/ becomes `[]`, found with the TypeScript parser rather than a regex.
 */
/** @type {import('esbuild').Plugin} */
const stripRuleNegatives = {
  name: 'strip-rule-negatives',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]detect[\\/]rules[\\/][^\\/]+\.ts$/ }, async (args) => {
      const ts = require('typescript');
      const text = await require('fs').promises.readFile(args.path, 'utf8');
      const source = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const spans = [];
      const visit = (node) => {
        if (
          ts.isPropertyAssignment(node) &&
          node.name.getText(source) === 'negatives' &&
          ts.isArrayLiteralExpression(node.initializer)
        ) {
          spans.push([node.initializer.getStart(source), node.initializer.getEnd()]);
          return;
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let contents = text;
      for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) {
        contents = `${contents.slice(0, start)}[]${contents.slice(end)}`;
      }
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Lazily loaded bundles: one file lists its chunks as `import('./<name>')`, and each becomes its own bundle
 * in a folder beside the entry, required on first use instead of inlined.
 * - The CLI is a small dispatcher (dist/cli.js) plus one bundle per subcommand (dist/cli/<name>.js): a
 *   `secure-gpt scan` in a pre-commit hook then parses neither the openai SDK nor zod nor the LSP library.
 * - The extension is a small entry (dist/extension.js: the chat view, its first state, the log, the status
 *   bar, a stand-in for each command) plus dist/ext/<name>.js, listed in src/extension/chunks.ts and loaded
 *   just after `activate` returns: VS Code parses only the entry before `activate` runs.
 * test/support/nodeBundle.ts builds the CLI with the same plugin.
 */
const chunkLists = { cli: 'src/cli/commands.ts', ext: 'src/extension/chunks.ts' };

/** The chunk names `list` loads, in order. */
function chunkNames(list) {
  const text = require('fs').readFileSync(require('path').join(__dirname, list), 'utf8');
  return [...text.matchAll(/import\('\.\/(\w+)'\)/g)].map((m) => m[1]);
}

/** @returns {import('esbuild').Plugin} `import('./<name>')` in `list` becomes `require('./<dir>/<name>.js')`. */
function lazyChunks(dir) {
  const importer = require('path').join(__dirname, chunkLists[dir]);
  const namespace = `${dir}-chunk`;
  return {
    name: `${dir}-chunks`,
    setup(build) {
      // A stand-in module that `require`s the bundle: a plain require, where an external `import()` would
      // start Node's ESM loader for a CommonJS file.
      build.onResolve({ filter: /^\.\/\w+$/ }, (args) =>
        args.kind === 'dynamic-import' && args.importer === importer
          ? { path: args.path.slice(2), namespace }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: cachedChunks.has(`${dir}/${args.path}`)
          ? `module.exports = require(${JSON.stringify(codeCacheModule)}).loadBundle(require('node:path').join(__dirname, '${dir}', '${args.path}.js'));`
          : `module.exports = require('./${dir}/${args.path}.js');`,
        loader: 'js',
        resolveDir: __dirname,
      }));
      build.onResolve({ filter: new RegExp(`^\\./${dir}/\\w+\\.js$`) }, (args) =>
        args.namespace === namespace ? { path: args.path, external: true } : undefined,
      );
    },
  };
}

/**
 * Chunks loaded through a V8 code cache (src/cli/codeCache.ts) rather than `require`: those whose start-up
 * a user waits on every time (`scan` in a pre-commit hook, `redact` in a pipe before another AI tool, `ask`,
 * whose bundle with the openai SDK and zod took ~200 ms to compile and run). A missed cache is written once
 * the command is done (src/cli/cli.ts).
 */
const cachedChunks = new Set(['cli/scan', 'cli/redact', 'cli/ask']);
const codeCacheModule = require('path').join(__dirname, 'src', 'cli', 'codeCache.ts');

/**
 * Every character past ASCII left in a Node bundle's output as a `\u` escape. esbuild escapes strings and
 * templates itself (`charset: 'ascii'`) but keeps regex literals (`/пароль|…/`) and, in dev builds, comments
 * as written, and one such character made V8 hold the whole 760 KB scan bundle as a two-byte string: the
 * three-file scan's start-up took about 750 more page faults and 11 ms more CPU (40 interleaved runs).
 * What is left is in regex literals, where `\uXXXX` means the same character, and comments. A dev build's
 * source map is a few columns off on those lines.
 * @type {import('esbuild').Plugin}
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      const fs = require('fs');
      for (const file of Object.keys(result.metafile?.outputs ?? {}).filter((f) => f.endsWith('.js'))) {
        const text = fs.readFileSync(file, 'utf8');
        const ascii = escapeNonAscii(text);
        if (ascii !== text) fs.writeFileSync(file, ascii);
      }
    });
  },
};

/** `text` with each UTF-16 unit past ASCII written `\uXXXX` (a surrogate pair as two). */
function escapeNonAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const cliCommandChunks = lazyChunks('cli');

/**
 * The CLI's bundles take `node:crypto` through src/cli/lazyCrypto.ts, which requires it on first call: a
 * scan that finds nothing never loads it (1.5-3 ms of start-up). Only the sources' imports are redirected,
 * not lazyCrypto's own require nor a dependency's.
 * @type {import('esbuild').Plugin}
 */
const lazyCrypto = {
  name: 'lazy-crypto',
  setup(build) {
    const path = require('path');
    const module = path.join(__dirname, 'src', 'cli', 'lazyCrypto.ts');
    const sources = path.join(__dirname, 'src') + path.sep;
    build.onResolve({ filter: /^(?:node:)?crypto$/ }, (args) =>
      args.kind === 'import-statement' && args.importer.startsWith(sources) && args.importer !== module
        ? { path: module }
        : undefined,
    );
  },
};
/**
 * Worker threads' entries, bundled beside the commands: `scan --jobs` starts dist/cli/scanWorkerBoot.js,
 * which loads dist/cli/scanWorker.js through the code cache.
 */
const cliWorkerEntries = {
  'cli/scanWorker': 'src/cli/scanWorker.ts',
  'cli/scanWorkerBoot': 'src/cli/scanWorkerBoot.ts',
};
const extensionChunks = lazyChunks('ext');

/** Entry points for a bundle `name` and its chunks, all written under `outdir`. */
function withChunks(name, entry, dir) {
  return {
    [name]: entry,
    ...Object.fromEntries(
      chunkNames(chunkLists[dir]).map((chunk) => [
        `${dir}/${chunk}`,
        `${require('path').dirname(chunkLists[dir])}/${chunk}.ts`,
      ]),
    ),
  };
}

/**
 * The built-in rules' pattern shapes (longest match, start characters, required characters, keyword
 * head), measured once here and defined into the bundles as `SECURE_GPT_RULE_SHAPES`, so that no process
 * parses the catalogue's patterns at run time (see src/core/detect/ruleShape.ts); with them the keywords'
 * gram offsets (`SECURE_GPT_KEYWORD_GRAMS`, src/core/detect/keywordGrams.ts), the byte loops' module
 * (`SECURE_GPT_LOOP_MODULE`, src/core/detect/byteLoops.ts), what the redact tier reads from its own
 * patterns (`SECURE_GPT_PATTERN_FACTS`, src/core/detect/patternFacts.ts) and the service key table's lines
 * parsed (`SECURE_GPT_SERVICE_ENTRIES`, src/core/detect/rules/serviceKeys.ts). The engine is bundled on its
 * own for this, run from a temporary file, and asked for all five.
 */
function ruleShapesJson() {
  const fs = require('fs');
  const path = require('path');
  const { outputFiles } = esbuild.buildSync({
    stdin: {
      contents:
        "export { shapeTableJson } from './src/core/detect/ruleShape';\nexport { builtinRules } from './src/core/detect/catalog';\n" +
        "export { buildKeywordIndex } from './src/core/detect/keywordIndex';\n" +
        "export { keywordGramsJson } from './src/core/detect/keywordGrams';\n" +
        "export { moduleBytes } from './src/core/detect/byteLoopsCode';\n" +
        "export { redactText } from './src/core/pipeline/redact';\n" +
        "export { RedactionMap } from './src/core/pipeline/redactionMap';\n" +
        "export { patternFactsJson } from './src/core/detect/patternFacts';\n" +
        "export { parseTable } from './src/core/detect/rules/serviceKeyLines';\n" +
        "export { serviceTableText } from './src/core/detect/rules/serviceKeys';\n",
      resolveDir: __dirname,
      sourcefile: 'ruleShapes.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'sgpt-shapes-'));
  try {
    const file = path.join(dir, 'ruleShapes.js');
    fs.writeFileSync(file, outputFiles[0].text);
    const {
      shapeTableJson,
      builtinRules,
      buildKeywordIndex,
      keywordGramsJson,
      moduleBytes,
      redactText,
      RedactionMap,
      patternFactsJson,
      parseTable,
      serviceTableText,
    } = require(file);
    // The keyword lists as compiledRule.ts passes them; scored here (no table in this bundle).
    const index = buildKeywordIndex(
      builtinRules.map((r) => r.keywords),
      builtinRules.map((r) => r.finderWords ?? []),
    );
    // The byte loops' WebAssembly module (src/core/detect/byteLoops.ts), written out once here; a module
    // that does not compile fails the build rather than leave every process on the JavaScript loops.
    const loop = moduleBytes();
    new WebAssembly.Module(loop);
    // The redact tier reads every fact about its patterns on its first call, whatever the text
    // (src/core/detect/patternFacts.ts): one call over a word gives the whole table.
    redactText('sample', new RedactionMap());
    return {
      facts: patternFactsJson(),
      services: JSON.stringify(parseTable(serviceTableText())),
      shapes: shapeTableJson(builtinRules),
      grams: keywordGramsJson(index),
      loop: Buffer.from(loop).toString('base64'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const builtTables = ruleShapesJson();

const common = {
  bundle: true,
  define: {
    // The CLI's --version and SARIF's semanticVersion come from the manifest.
    __VERSION__: JSON.stringify(require('./package.json').version),
    SECURE_GPT_RULE_SHAPES: JSON.stringify(builtTables.shapes),
    SECURE_GPT_KEYWORD_GRAMS: JSON.stringify(builtTables.grams),
    SECURE_GPT_LOOP_MODULE: JSON.stringify(builtTables.loop),
    SECURE_GPT_PATTERN_FACTS: JSON.stringify(builtTables.facts),
    SECURE_GPT_SERVICE_ENTRIES: JSON.stringify(builtTables.services),
  },
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'silent',
  plugins: production ? [problemMatcher, stripRuleNegatives] : [problemMatcher],
};

/**
 * The extension's entry and its lazy chunks. `split: false` inlines the chunks into one bundle, as the
 * extension was built before the split: test/bench/entryLoad.js times both.
 * @returns {import('esbuild').BuildOptions}
 */
function extensionBundle(options, { split = true, outdir = 'dist' } = {}) {
  // One bundle: the features imported statically, so that all their modules run when it loads, as before.
  const single = {
    stdin: {
      contents:
        "import './src/extension/features';\nexport { activate, deactivate } from './src/extension/extension';\n",
      resolveDir: __dirname,
      sourcefile: 'singleBundle.ts',
      loader: 'ts',
    },
    outfile: require('path').join(outdir, 'extension.js'),
  };
  return {
    ...options,
    ...(split
      ? { entryPoints: withChunks('extension', 'src/extension/extension.ts', 'ext'), outdir }
      : single),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
    plugins: [...(options.plugins ?? []), ...(split ? [extensionChunks] : []), asciiOutput],
    // When the bundle began and ended its top-level run (VS Code has read and compiled it by then): the
    // activation figures of test/integration/activationTime.integration.test.ts.
    banner: { js: 'var __moduleLoadBegan = performance.now();' },
    footer: { js: 'var __moduleLoadEnded = performance.now();' },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  extensionBundle(common, { split: !singleBundle }),
  {
    ...common,
    entryPoints: ['src/server/server.ts'],
    outfile: 'dist/server.js',
    plugins: [...common.plugins, asciiOutput],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
  },
  {
    ...common,
    entryPoints: { ...withChunks('cli', 'src/cli/cli.ts', 'cli'), ...cliWorkerEntries },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
    // The rules' negatives are left out of every build of the CLI, not only the production one: in a dev
    // build they were ~900 strings (some drawn at random) made at every scan's start-up, the bench's build.
    plugins: [problemMatcher, stripRuleNegatives, cliCommandChunks, lazyCrypto, asciiOutput],
    // Only dist/cli.js is run directly; the shebang on the command bundles is harmless.
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/chat.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // The page's load timeline: when the browser began to run the bundle (SCRIPT_MARKS in protocol/firstState.ts).
    banner: { js: "performance.mark('secureGpt.scriptStarted');" },
  },
];

async function main() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
  require('fs').chmodSync('dist/cli.js', 0o755);
}

// test/support/nodeBundle.ts builds the CLI for process tests with this same plugin, so the two cannot drift;
// the extension's bundle test and test/bench/entryLoad.js build the extension as shipped.
module.exports = {
  asciiOutput,
  escapeNonAscii,
  cliCommandChunks,
  cliWorkerEntries,
  extensionBundle,
  common,
  lazyCrypto,
  stripRuleNegatives,
};

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
