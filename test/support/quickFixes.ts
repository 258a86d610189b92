import * as assert from 'node:assert';

/** The four quick fixes the server offers for a GitHub token in code, in the order it offers them. */
export const GITHUB_TOKEN_FIXES = [
  'Replace with environment variable GITHUB_TOKEN',
  'Move the value into .env as GITHUB_TOKEN (git-ignored)',
  'Ignore this secret on this line (secure-gpt-ignore)',
  'Allowlist this finding in the workspace',
];

interface Action {
  readonly title: string;
  readonly kind?: string;
  readonly diagnostics?: readonly unknown[];
}

/** Asserts the four fixes, each a quickfix carrying `diagnostic`, whether built in process or sent over LSP. */
export function assertGithubTokenFixes(actions: readonly Action[], diagnostic: unknown): void {
  assert.deepStrictEqual(
    actions.map((a) => a.title),
    GITHUB_TOKEN_FIXES,
  );
  for (const action of actions) {
    assert.strictEqual(action.kind, 'quickfix');
    assert.deepStrictEqual(action.diagnostics, [diagnostic]);
  }
}
