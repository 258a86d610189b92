import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

const repoRoot = resolve(__dirname, '..', '..', '..');

/**
 * esbuild options that bundle `entry` (relative to the repo root) into `outfile` the way esbuild.js builds its
 * Node bundles, so process-level tests run what ships rather than a stale dist/. The CLI entry is built as
 * esbuild.js builds it: a dispatcher at `outfile` and one bundle per subcommand in `cli/` beside it (with a
 * plugin, so build with esbuild's async `build`, not `buildSync`).
 */
export function nodeBundleOptions(entry: string, outfile: string): BuildOptions {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'keytar'],
    logLevel: 'silent',
  };
  if (entry !== 'src/cli/cli.ts') {
    return { ...common, entryPoints: [join(repoRoot, entry)], outfile };
  }
  const commands = [
    ...readFileSync(join(repoRoot, 'src/cli/commands.ts'), 'utf8').matchAll(/import\('\.\/(\w+)'\)/g),
  ].map((m) => m[1]!);
  return {
    ...common,
    entryPoints: {
      [basename(outfile, '.js')]: join(repoRoot, entry),
      ...Object.fromEntries(commands.map((name) => [`cli/${name}`, join(repoRoot, `src/cli/${name}.ts`)])),
      ...Object.fromEntries(
        Object.entries(cliWorkerEntries).map(([name, path]) => [name, join(repoRoot, path)]),
      ),
    },
    outdir: dirname(outfile),
    plugins: [cliCommandChunks, lazyCrypto, asciiOutput],
  };
}

/**
 * esbuild.js's own plugins: commands.ts's dynamic imports become requires of the sibling bundles, the
 * sources' node:crypto is loaded on first call, and the output is ASCII.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is the build script, plain CommonJS
const { asciiOutput, cliCommandChunks, cliWorkerEntries, lazyCrypto } = require(
  join(repoRoot, 'esbuild.js'),
) as {
  asciiOutput: Plugin;
  cliCommandChunks: Plugin;
  lazyCrypto: Plugin;
  cliWorkerEntries: Record<string, string>;
};
