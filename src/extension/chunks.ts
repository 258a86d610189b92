// The extension's lazily loaded bundles. esbuild.js builds each `import('./<name>')` below into its own bundle,
// dist/ext/<name>.js, and turns the import into a `require` of it: dist/extension.js, which VS Code must load
// and parse before `activate` runs, then holds neither zod, the openai SDK, undici, the LSP library nor the
// detection engine.
// Under tsc (unit tests) the import stays an ordinary one.
import type * as Features from './features';
import type * as LogScrubber from './logScrubber';

/** The log's scrubber (the detection engine): loaded first, see log.ts. */
export function loadLogScrubber(): Promise<typeof LogScrubber> {
  return import('./logScrubber');
}

/** The commands, the chat session, the key store and the language client: see features.ts. */
export function loadFeatures(): Promise<typeof Features> {
  return import('./features');
}
