import { IGNORE_MARKER } from '../core/detect/ignoreComments';

const SLASHES = [
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'jsonc',
  'json5',
  'go',
  'java',
  'kotlin',
  'scala',
  'groovy',
  'csharp',
  'cs',
  'c',
  'cpp',
  'objective-c',
  'swift',
  'dart',
  'rust',
  'php',
  'zig',
  'proto',
  'hcl',
  'terraform',
];
const HASH = [
  'python',
  'ruby',
  'perl',
  'r',
  'shellscript',
  'sh',
  'bash',
  'zsh',
  'fish',
  'powershell',
  'yaml',
  'dockercompose',
  'dotenv',
  'properties',
  'toml',
  'dockerfile',
  'makefile',
  'elixir',
  'nix',
  'julia',
  'coffeescript',
  'ignore',
  'gitignore',
];
const DASHES = ['sql', 'lua', 'haskell', 'elm', 'ada'];
const MARKUP = ['html', 'xml', 'markdown', 'vue', 'svelte', 'astro', 'xsl'];
const BLOCK = ['css', 'scss', 'less'];

/** The comment that tells the engine to ignore the next line, in the language's syntax; undefined where comments do not exist (JSON). */
export function ignoreComment(languageId: string, fileName: string): string | undefined {
  if (/(^|[\\/])\.env(\.[^\\/]*)?$|\.env$/i.test(fileName) || HASH.includes(languageId)) {
    return `# ${IGNORE_MARKER}`;
  }
  if (SLASHES.includes(languageId)) {
    return `// ${IGNORE_MARKER}`;
  }
  if (DASHES.includes(languageId)) {
    return `-- ${IGNORE_MARKER}`;
  }
  if (MARKUP.includes(languageId)) {
    return `<!-- ${IGNORE_MARKER} -->`;
  }
  if (BLOCK.includes(languageId)) {
    return `/* ${IGNORE_MARKER} */`;
  }
  if (languageId === 'ini') {
    return `; ${IGNORE_MARKER}`;
  }
  if (languageId === 'bat') {
    return `REM ${IGNORE_MARKER}`;
  }
  if (languageId === 'latex' || languageId === 'tex') {
    return `% ${IGNORE_MARKER}`;
  }
  if (languageId === 'plaintext') {
    // Plain text has no comment syntax, but a marker line still tells readers and the engine what is meant.
    return `# ${IGNORE_MARKER}`;
  }
  return undefined;
}

/**
 * The line to insert above `line` so the engine skips the finding on it: the comment, indented like the
 * line it guards (a previous-line comment never changes what the guarded line's code or value means).
 */
export function ignoreLineFor(line: string, comment: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  return `${indent}${comment}\n`;
}
