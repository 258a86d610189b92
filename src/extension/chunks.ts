// The extension's lazily loaded bundles. esbuild.js builds each `import('./<name>')` below into its own bundle,
// dist/ext/<name>.js, and turns the import into a `require` of it: dist/extension.js, which VS Code must load
// and parse before `activate` runs, then holds neither zod, the openai SDK, undici nor the LSP library.
// Under tsc (unit tests) the import stays an ordinary one.
import type * as Features from './features';

/** The commands, the chat session, the key store and the language client: see features.ts. */
export function loadFeatures(): Promise<typeof Features> {
  return import('./features');
}
