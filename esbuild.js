// One esbuild context per bundle: extension, language server, CLI (node/cjs) and the chat webview (browser/iife).
// `--production` minifies; dev builds carry sourcemaps without sources. `--watch` prints the lines the
// esbuild problem matcher (connor4312.esbuild-problem-matchers) reads.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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
 * The CLI is a small dispatcher (dist/cli.js) plus one bundle per subcommand (dist/cli/<name>.js), loaded
 * only when that command runs: `secure-gpt scan` in a pre-commit hook then parses neither the openai SDK
 * nor zod nor the LSP library. src/cli/commands.ts loads each command with `import('./<name>')`; this
 * plugin turns those imports into requires of the sibling bundles instead of inlining them.
 * test/support/nodeBundle.ts builds the CLI the same way.
 */
const cliCommandNames = [
  ...require('fs')
    .readFileSync(require('path').join(__dirname, 'src/cli/commands.ts'), 'utf8')
    .matchAll(/import\('\.\/(\w+)'\)/g),
].map((m) => m[1]);

/** @type {import('esbuild').Plugin} */
const cliCommandChunks = {
  name: 'cli-command-chunks',
  setup(build) {
    // A stand-in module that `require`s the bundle: a plain require, where an external `import()` would
    // start Node's ESM loader for a CommonJS file.
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) =>
      args.kind === 'dynamic-import' && /[\\/]src[\\/]cli[\\/]commands\.ts$/.test(args.importer)
        ? { path: args.path.slice(2), namespace: 'cli-command' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'cli-command' }, (args) => ({
      contents: `module.exports = require('./cli/${args.path}.js');`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/cli\/\w+\.js$/ }, (args) =>
      args.namespace === 'cli-command' ? { path: args.path, external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  // The CLI's --version and SARIF's semanticVersion come from the manifest.
  define: { __VERSION__: JSON.stringify(require('./package.json').version) },
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'silent',
  plugins: production ? [problemMatcher, stripRuleNegatives] : [problemMatcher],
};

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
  },
  {
    ...common,
    entryPoints: ['src/server/server.ts'],
    outfile: 'dist/server.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
  },
  {
    ...common,
    entryPoints: {
      cli: 'src/cli/cli.ts',
      ...Object.fromEntries(cliCommandNames.map((name) => [`cli/${name}`, `src/cli/${name}.ts`])),
    },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: nodeExternal,
    plugins: [...common.plugins, cliCommandChunks],
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

// test/support/nodeBundle.ts builds the CLI for process tests with this same plugin, so the two cannot drift.
module.exports = { cliCommandChunks };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
