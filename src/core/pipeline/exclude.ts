import picomatch from 'picomatch';

/**
 * Files that are never sent, even when selected or attached: what they hold is credentials by design.
 * A pattern without a slash matches the file name at any depth; one with a slash matches at any depth too.
 */
export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = [
  '.env*',
  '*.pem',
  '*.key',
  'id_rsa*',
  'id_dsa*',
  'id_ecdsa*',
  'id_ed25519*',
  '*.p12',
  '*.pfx',
  '*.ppk',
  '*.keystore',
  '*.jks',
  '*.kdbx',
  '.npmrc',
  '.pypirc',
  '.netrc',
  '_netrc',
  '.git-credentials',
  '.htpasswd',
  '.pgpass',
  'credentials*',
  '*.tfstate',
  '*.tfstate.backup',
  '.docker/config.json',
  '.kube/config',
  // A Solana CLI keypair (`solana-keygen new` writes it there): its 64 bytes are the wallet's private key.
  '.config/solana/*.json',
  'secrets.yml',
  'secrets.yaml',
];

/** A file or selection the user attached to a request; `path` is workspace-relative where there is one. */
export interface Attachment {
  readonly path: string;
  readonly text: string;
  /** Language id for the code fence, e.g. `typescript`. */
  readonly language?: string;
  /** 1-based first line when the text is a selection, not the whole file. */
  readonly startLine?: number;
}

/** A file left out of a request, and why, to tell the user. */
export interface Excluded {
  readonly path: string;
  /** The glob that matched. */
  readonly glob: string;
  readonly reason: string;
}

/** Returns, for a path, the first exclusion glob it matches, or undefined when it may be sent. */
export function exclusionMatcher(globs: readonly string[]): (path: string) => string | undefined {
  // Case-insensitive on every platform: `.ENV` on a case-insensitive disk is the same file. picomatch's
  // `basename` option must only be given to slash-free patterns: it breaks the others.
  const matchers = globs.map((glob) => {
    const nested = glob.includes('/');
    const anywhere = nested && !glob.startsWith('**/') && !glob.startsWith('/');
    const test = picomatch(anywhere ? [glob, `**/${glob}`] : glob, {
      dot: true,
      nocase: true,
      basename: !nested,
    });
    return { glob, test };
  });
  return (path) => {
    const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
    return matchers.find((m) => m.test(normalized))?.glob;
  };
}

/** The last globs' matcher: each request gives the same list, and compiling it cost more than matching. */
let cached: { readonly key: string; readonly match: (path: string) => string | undefined } | undefined;

function matcherFor(globs: readonly string[]): (path: string) => string | undefined {
  const key = globs.join('\0');
  if (cached?.key !== key) {
    cached = { key, match: exclusionMatcher(globs) };
  }
  return cached.match;
}

/** Splits attachments into those that may be sent and those excluded, with the reason for each. */
export function partitionAttachments(
  attachments: readonly Attachment[],
  globs: readonly string[] = DEFAULT_EXCLUDE_GLOBS,
): { readonly kept: Attachment[]; readonly excluded: Excluded[] } {
  const match = matcherFor(globs);
  const kept: Attachment[] = [];
  const excluded: Excluded[] = [];
  for (const attachment of attachments) {
    const glob = match(attachment.path);
    if (glob === undefined) {
      kept.push(attachment);
    } else {
      excluded.push({
        path: attachment.path,
        glob,
        reason: `matches the exclusion pattern '${glob}': files like this hold credentials and are never sent`,
      });
    }
  }
  return { kept, excluded };
}
