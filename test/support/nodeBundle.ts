import { join, resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

const repoRoot = resolve(__dirname, '..', '..', '..');

/**
 * esbuild options that bundle `entry` (relative to the repo root) into `outfile` the way esbuild.js builds its
 * Node bundles, so process-level tests run what ships rather than a stale dist/.
 */
export function nodeBundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'keytar'],
    logLevel: 'silent',
  };
}
