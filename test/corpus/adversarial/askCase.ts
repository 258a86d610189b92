/**
 * The adversarial set for `ask`, one or more cases per leak class of issue 9 (1 to 8). It is ours: a
 * regression gate for the redact tier, not independent evidence. Every value is generated per call.
 */
export interface AskCase {
  readonly cls: number;
  readonly name: string;
  /** The workspace: path -> content. `.git/HEAD` makes its root a repository. */
  readonly files: Record<string, string | Buffer>;
  /** The file attached with `-f`, relative to `cwd`. */
  readonly attach: string;
  /** Where `ask` runs, relative to the workspace root (default: the root). */
  readonly cwd?: string;
  /** The secrets as they sit in the files: no 8-character piece of any may reach the server. */
  readonly secrets: readonly string[];
}

export const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };
/** A case whose workspace holds one file, the attached one. */
export const one = (
  cls: number,
  name: string,
  attach: string,
  text: string,
  ...secrets: string[]
): AskCase => ({
  cls,
  name,
  files: { ...GIT, [attach]: text },
  attach,
  secrets,
});
