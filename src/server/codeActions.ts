import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fingerprintOf } from '../core/detect/finding';
import type { FindingData } from '../protocol/lsp';
import { DIAGNOSTIC_SOURCE, StoreKeyFromFileCommand } from '../protocol/lsp';
import type { EnvFamily } from '../core/restore/envRef';
import { envFamily, envVarName, locateSecret, replaceWithEnv } from '../core/restore/envRef';
import type { ReadText } from './fileFixes';
import { addToAllowlist, dotenvEntry, dotenvPath, ensureGitignored, moveToDotenv } from './fileFixes';
import { ignoreComment, ignoreLineFor } from './ignoreComment';
import { isRecord } from './settings';
import type { EditCapabilities } from './workspaceEdit';
import { EditBuilder } from './workspaceEdit';

/** Everything the fixes for one document need, injected so they are testable without a server. */
export interface FixContext {
  readonly document: TextDocument;
  /** File system path of the document; undefined when untitled. */
  readonly path: string | undefined;
  /** The workspace folder `.env` and the allowlist go into; undefined when no folder is open. */
  readonly folder: string | undefined;
  /** The document's path relative to `folder`, for the allowlist note. */
  readonly relPath: string | undefined;
  readonly readText: ReadText;
  readonly isGitIgnored: (fsPath: string) => boolean;
  readonly capabilities: EditCapabilities;
}

/** Quick fixes for the Secure GPT diagnostics among `diagnostics` (others are not ours to fix). */
export function codeActionsFor(context: FixContext, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).flatMap((d) => fixesFor(context, d));
}

function fixesFor(context: FixContext, diagnostic: Diagnostic): CodeAction[] {
  const { document } = context;
  const data = findingData(diagnostic.data);
  const secret = document.getText(diagnostic.range);
  // The client may ask with diagnostics older than the text: never edit a range that no longer holds the secret.
  if (!data || fingerprintOf(secret) !== data.fingerprint) {
    return [];
  }
  const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : String(diagnostic.code ?? 'secret');
  const family = envFamily(document.languageId, context.path ?? document.uri);
  const actions: (CodeAction | undefined)[] = [];
  const quickFix = (
    title: string,
    isPreferred: boolean,
    build: (b: EditBuilder) => boolean,
  ): CodeAction | undefined => {
    const builder = new EditBuilder(context.capabilities);
    return build(builder)
      ? {
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred,
          edit: builder.build(),
        }
      : undefined;
  };
  const replacement = envReplacement(context, diagnostic, data, family);
  if (replacement) {
    actions.push(
      quickFix(`Replace with environment variable ${replacement.name}`, true, (b) => {
        b.edit(document.uri, document.version, replacement.edits(replacement.name));
        return true;
      }),
    );
  }
  if (replacement && ruleId.startsWith('openai-')) {
    // The client reads the key from its own copy of the document: the key never crosses the LSP channel.
    const args: StoreKeyFromFileCommand.Args = {
      uri: document.uri,
      range: diagnostic.range,
      fingerprint: data.fingerprint,
      ruleId,
      edits: replacement.edits(replacement.name),
    };
    actions.push({
      title: `Store the key in the keychain and replace it with ${replacement.name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: {
        title: 'Store the key in the keychain',
        command: StoreKeyFromFileCommand.command,
        arguments: [args],
      },
    });
  }
  const folder = context.folder;
  if (folder !== undefined) {
    const isRootEnv = context.path === dotenvPath(folder);
    if (isRootEnv && !context.isGitIgnored(context.path)) {
      actions.push(
        quickFix('Add .env to .gitignore', false, (b) => ensureGitignored(b, folder, context.readText)),
      );
    }
    const moveEdits = family === 'dotenv' ? dotenvRemoval(diagnostic) : replacement?.edits;
    if (!isRootEnv && moveEdits) {
      const wanted = replacement?.name ?? envVarName(lineBefore(document, diagnostic), data);
      // A name `.env` already uses for another value gets a number: GITHUB_TOKEN_2.
      const name = dotenvEntry(context.readText(dotenvPath(folder)) ?? '', wanted, secret).name;
      actions.push(
        quickFix(`Move the value into .env as ${name} (git-ignored)`, false, (b) => {
          const used = moveToDotenv(b, folder, name, secret, context.readText, context.isGitIgnored);
          if (used === undefined) {
            return false;
          }
          b.edit(document.uri, document.version, moveEdits(used));
          return true;
        }),
      );
    }
  }
  const comment = ignoreComment(document.languageId, context.path ?? document.uri);
  if (comment !== undefined) {
    const line = diagnostic.range.start.line;
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    actions.push(
      quickFix('Ignore this secret on this line (secure-gpt-ignore)', false, (b) => {
        const at = { line, character: 0 };
        b.edit(document.uri, document.version, [
          { range: { start: at, end: at }, newText: ignoreLineFor(text, comment) },
        ]);
        return true;
      }),
    );
  }
  if (folder !== undefined) {
    const where =
      context.relPath !== undefined ? ` in ${context.relPath}:${diagnostic.range.start.line + 1}` : '';
    const entry = {
      sha256: data.fingerprint,
      rule: ruleId,
      note: `${data.description}${where}, allowlisted from the editor`,
    };
    actions.push(
      quickFix('Allowlist this finding in the workspace', false, (b) =>
        addToAllowlist(b, folder, entry, context.readText),
      ),
    );
  }
  return actions.filter((a): a is CodeAction => a !== undefined);
}

interface EnvReplacement {
  readonly name: string;
  /** The edits to the document for a variable name (the `.env` fix may pick a numbered one). */
  readonly edits: (name: string) => TextEdit[];
}

/** The env-var rewrite of the secret in this document's language, with any import it needs. */
function envReplacement(
  context: FixContext,
  diagnostic: Diagnostic,
  data: FindingData,
  family: EnvFamily | undefined,
): EnvReplacement | undefined {
  const { start, end } = diagnostic.range;
  if (!family || start.line !== end.line) {
    return undefined; // Multi-line secrets (private keys) live in files of their own, not in code literals.
  }
  const { document } = context;
  const line = document.getText({
    start: { line: start.line, character: 0 },
    end: { line: start.line + 1, character: 0 },
  });
  const where = locateSecret(line, start.character, end.character);
  const anchor = typeof where === 'object' ? where.start : start.character;
  const name = envVarName(line.slice(0, anchor), data);
  const probe = replaceWithEnv(family, name, line, start.character, end.character);
  if (!probe) {
    return undefined;
  }
  return {
    name,
    edits: (used) => {
      const r = replaceWithEnv(family, used, line, start.character, end.character) ?? probe;
      const edits: TextEdit[] = [
        {
          range: {
            start: { line: start.line, character: r.start },
            end: { line: start.line, character: r.end },
          },
          newText: r.text,
        },
      ];
      const imp = requiredImport(family, document.getText());
      return imp ? [imp, ...edits] : edits;
    },
  };
}

/** In a `.env`-style file the move leaves `KEY=` behind: the value now lives in the git-ignored root `.env`. */
function dotenvRemoval(diagnostic: Diagnostic): ((name: string) => TextEdit[]) | undefined {
  return diagnostic.range.start.line === diagnostic.range.end.line
    ? () => [{ range: diagnostic.range, newText: '' }]
    : undefined;
}

/** `import os` for Python and `"os"` for Go when the file lacks it, so the rewritten code runs. */
export function requiredImport(family: EnvFamily, text: string): TextEdit | undefined {
  if (family === 'python' && !/^\s*(import\s+(.*\b)?os\b|from\s+os\s+import\b)/m.test(text)) {
    const lines = text.split('\n');
    // After a shebang, encoding line or `from __future__` imports, which must stay first.
    let at = 0;
    while (at < lines.length && /^(#!|#.*coding[:=]|from __future__ )/.test(lines[at]!)) {
      at++;
    }
    return {
      range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } },
      newText: 'import os\n',
    };
  }
  if (family === 'go' && !/^\s*(import\s+)?(\w+\s+)?"os"\s*$/m.test(text)) {
    const lines = text.split('\n');
    const block = lines.findIndex((l) => /^import\s*\(\s*$/.test(l));
    const single = lines.findIndex((l) => /^import\s+"/.test(l));
    const pkg = lines.findIndex((l) => /^package\s+\w+/.test(l));
    if (block !== -1) {
      return at(block + 1, '\t"os"\n');
    }
    if (single !== -1) {
      return at(single + 1, 'import "os"\n');
    }
    return pkg === -1 ? undefined : at(pkg + 1, '\nimport "os"\n');
  }
  return undefined;
}

function at(line: number, newText: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText };
}

function lineBefore(document: TextDocument, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return document.getText({ start: { line, character: 0 }, end: { line, character } });
}

function findingData(data: unknown): FindingData | undefined {
  if (!isRecord(data)) {
    return undefined;
  }
  const { fingerprint, provider, description } = data;
  return typeof fingerprint === 'string' && typeof provider === 'string' && typeof description === 'string'
    ? { fingerprint, provider, description }
    : undefined;
}
