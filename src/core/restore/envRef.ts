/** How a file's language refers to an environment variable, which decides what the quick fixes write. */
export type EnvFamily =
  'js' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'rust' | 'shell' | 'yaml' | 'dotenv' | 'json';

const BY_LANGUAGE: Readonly<Record<string, EnvFamily>> = {
  javascript: 'js',
  javascriptreact: 'js',
  typescript: 'js',
  typescriptreact: 'js',
  python: 'python',
  go: 'go',
  java: 'java',
  kotlin: 'java',
  scala: 'java',
  groovy: 'java',
  csharp: 'csharp',
  cs: 'csharp',
  ruby: 'ruby',
  php: 'php',
  rust: 'rust',
  shellscript: 'shell',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  yaml: 'yaml',
  dockercompose: 'yaml',
  dotenv: 'dotenv',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  // Code-fence tags of answers, for Copy, where no document says what the language is.
  js: 'js',
  jsx: 'js',
  mjs: 'js',
  cjs: 'js',
  ts: 'js',
  tsx: 'js',
  node: 'js',
  py: 'python',
  python3: 'python',
  golang: 'go',
  kt: 'java',
  rb: 'ruby',
  rs: 'rust',
  shell: 'shell',
  console: 'shell',
  yml: 'yaml',
  env: 'dotenv',
};

/** The family of a document, by file name first (`.env.local` is often plain text to an editor), then language id. */
export function envFamily(languageId: string, fileName: string): EnvFamily | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  if (/^\.env(\..+)?$/i.test(base) || /\.env$/i.test(base)) {
    return 'dotenv';
  }
  return BY_LANGUAGE[languageId];
}

/** The expression that reads variable `name` in code of `family`; undefined where the language has none (JSON, .env). */
export function envExpression(family: EnvFamily, name: string): string | undefined {
  switch (family) {
    case 'js':
      return `process.env.${name}`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'java':
      return `System.getenv("${name}")`;
    case 'csharp':
      return `Environment.GetEnvironmentVariable("${name}")`;
    case 'ruby':
      return `ENV["${name}"]`;
    case 'php':
      return `getenv('${name}')`;
    case 'rust':
      // `var` returns a Result; failing loudly beats running with an empty key.
      return `std::env::var("${name}").expect("${name} is not set")`;
    case 'shell':
      return `"\${${name}}"`;
    case 'yaml':
      return `\${${name}}`;
    case 'dotenv':
    case 'json':
      return undefined;
  }
}

/** A string literal on one line: `[start, end)` spans its quotes, plus any prefix letters (`f"…"`, `@"…"`). */
export interface Literal {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly prefix: string;
}

/**
 * Where a secret at `[from, to)` of `line` sits: inside a literal that closes on the line, bare (outside
 * any quotes), or inside one that does not close on this line (a multi-line string: left alone). Quotes
 * inside comments can mislead this; the fix is then not offered rather than offered wrong.
 */
export function locateSecret(line: string, from: number, to: number): Literal | 'bare' | 'multiline' {
  let open = -1;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open === -1) {
      if (i >= from) {
        return 'bare';
      }
      if (c === '"' || c === "'" || c === '`') {
        open = i;
        quote = c;
      }
    } else if (c === '\\' && quote !== "'") {
      i++;
    } else if (c === quote) {
      if (open < from && i >= to) {
        const prefix = /[A-Za-z@$]{0,2}$/.exec(line.slice(0, open))?.[0] ?? '';
        return { start: open - prefix.length, end: i + 1, quote, prefix };
      }
      if (i >= from) {
        return 'multiline'; // The literal closes inside the secret: quotes are not what they seem.
      }
      open = -1;
    }
  }
  return open === -1 ? 'bare' : 'multiline';
}

/** The replacement of a secret by `expr`: the text range to replace (in the line) and the new text. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Replaces the secret at `[from, to)` of `line` with a reference to `name`, keeping the code valid: a
 * literal that is only the secret becomes the expression; a secret inside a longer literal is spliced in
 * by concatenation or interpolation. Undefined when no valid form exists (JSON, a bare secret in code).
 */
export function replaceWithEnv(
  family: EnvFamily,
  name: string,
  line: string,
  from: number,
  to: number,
): Replacement | undefined {
  const expr = envExpression(family, name);
  const where = locateSecret(line, from, to);
  if (expr === undefined || where === 'multiline') {
    return undefined;
  }
  if (where === 'bare') {
    return family === 'shell' || family === 'yaml' ? { start: from, end: to, text: expr } : undefined;
  }
  const { quote, prefix } = where;
  const before = line.slice(where.start + prefix.length + 1, from);
  const after = line.slice(to, where.end - 1);
  if (before === '' && after === '') {
    return { start: where.start, end: where.end, text: family === 'yaml' ? `"${expr}"` : expr };
  }
  if (family === 'yaml' || (family === 'shell' && quote === '"')) {
    return { start: from, end: to, text: `\${${name}}` };
  }
  if (family === 'js' && quote === '`') {
    return { start: from, end: to, text: `\${${expr}}` };
  }
  if (family === 'rust') {
    return undefined; // `&str + String` does not compile; a `format!` rewrite is beyond a quick fix.
  }
  if (family === 'shell') {
    // Adjacent words concatenate in shell: 'before'"${X}"'after'.
    const part = (s: string): string => (s === '' ? '' : `${quote}${s}${quote}`);
    return { start: where.start, end: where.end, text: `${part(before)}${expr}${part(after)}` };
  }
  const join = family === 'php' ? ' . ' : ' + ';
  const parts = [before, after].map((s) => (s === '' ? undefined : `${prefix}${quote}${s}${quote}`));
  const text = [parts[0], expr, parts[1]].filter((p): p is string => p !== undefined).join(join);
  return { start: where.start, end: where.end, text };
}

/** Words too vague to name a variable alone: `token = "…"` becomes `GITHUB_TOKEN`, not `TOKEN`. */
const VAGUE = new Set(
  'API APIKEY KEY KEYS TOKEN TOKENS SECRET SECRETS PASSWORD PASSWD PASS PWD AUTH AUTHORIZATION ACCESS CLIENT PRIVATE VALUE BEARER CREDENTIAL CREDENTIALS CREDS X MY THE STR DATA HEADER HEADERS'.split(
    ' ',
  ),
);

/** What naming needs to know about a finding. */
export interface NamedFinding {
  readonly provider: string;
  readonly description: string;
}

/**
 * The environment variable name for a secret: the assignment's left side when it says what the secret is
 * (`const stripeKey = "…"` → `STRIPE_KEY`), else the provider and kind (`GITHUB_TOKEN`, `OPENAI_API_KEY`).
 * `textBefore` is the line up to the literal or secret.
 */
export function envVarName(textBefore: string, finding: NamedFinding): string {
  const assigned = /([A-Za-z_][\w.-]*)['"\]]*\s*(?::\s*[&\w<>[\], ]+?)?\s*(?::=|=>|=|:)\s*$/.exec(
    textBefore,
  )?.[1];
  const fromLeft =
    assigned === undefined ? undefined : upperSnake(assigned.slice(assigned.lastIndexOf('.') + 1));
  // One- or two-letter names (`t`, `k`) say nothing; neither do names made only of vague words.
  if (fromLeft && /^[A-Z]\w{2,}$/.test(fromLeft) && fromLeft.split('_').some((w) => !VAGUE.has(w))) {
    return fromLeft;
  }
  return ruleVarName(finding);
}

/** `PROVIDER_KIND` from a finding's provider and description. */
export function ruleVarName(finding: NamedFinding): string {
  const d = finding.description.toLowerCase();
  const kind = /api key/.test(d)
    ? 'API_KEY'
    : /secret access key/.test(d)
      ? 'SECRET_ACCESS_KEY'
      : /access key id/.test(d)
        ? 'ACCESS_KEY_ID'
        : /private key/.test(d)
          ? 'PRIVATE_KEY'
          : /webhook/.test(d)
            ? 'WEBHOOK_URL'
            : /password|connection string/.test(d)
              ? 'PASSWORD'
              : /token/.test(d)
                ? 'TOKEN'
                : /key/.test(d)
                  ? 'KEY'
                  : 'SECRET';
  // Provider names are brands, not camelCase: GitHub is GITHUB, OpenAI is OPENAI.
  const provider = finding.provider
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return provider === '' || provider === 'GENERIC' || !/^[A-Z]/.test(provider) ? kind : `${provider}_${kind}`;
}

/** `githubToken`, `api-key`, `APIKey` → `GITHUB_TOKEN`, `API_KEY`, `API_KEY`. */
export function upperSnake(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .slice(0, 64);
}
