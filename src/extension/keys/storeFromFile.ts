import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { z } from 'zod';
import { maskKey } from '../../core/keys/keyFormat';
import type { Profile } from '../../core/keys/profiles';
import { DEFAULT_PROFILE_NAME, findProfile } from '../../core/keys/profiles';
import type { StoreKeyFromFileCommand } from '../../protocol/lsp';
import type { Log } from '../log';
import type { KeyAccess } from './keyAccess';
import { chooseKeyStore } from './keyFlows';
import type { KeyUi } from './keyUi';

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const range = z.object({ start: position, end: position });
const argsSchema = z.object({
  uri: z.string().min(1),
  range,
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  ruleId: z.string().min(1),
  edits: z.array(z.object({ range, newText: z.string() })).max(10),
});

const toRange = (r: z.infer<typeof range>): vscode.Range =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** The OpenAI profile a key found in a file belongs to: the active one when it is OpenAI, else `openai`. */
function targetProfile(access: KeyAccess): Profile {
  const active = access.activeProfile();
  if (active.kind === 'openai') {
    return active;
  }
  return (
    findProfile(access.profiles(), DEFAULT_PROFILE_NAME) ?? { name: DEFAULT_PROFILE_NAME, kind: 'openai' }
  );
}

/** What the quick fix did, for tests; never the key. */
export interface StoreFromFileResult {
  readonly profile: string;
  readonly store: string;
  readonly masked: string;
}

/**
 * "Store the key in the keychain and replace it": reads the key from the editor's own copy of the
 * document, checks it against the fingerprint the server sent, stores it for the OpenAI profile, then
 * applies the env-var replacement. Nothing is edited unless the key was stored.
 */
export async function storeKeyFromFile(
  raw: unknown,
  access: KeyAccess,
  ui: KeyUi,
  log: Log,
): Promise<StoreFromFileResult | undefined> {
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    log.warn('Store key from file: ignored a malformed request.');
    return undefined;
  }
  const args: StoreKeyFromFileCommand.Args = parsed.data;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
  const key = document.getText(toRange(args.range));
  if (createHash('sha256').update(key, 'utf8').digest('hex') !== args.fingerprint) {
    void vscode.window.showWarningMessage(
      'The file changed since the warning was shown; nothing was stored.',
    );
    return undefined;
  }
  const store = await chooseKeyStore(access, ui);
  if (!store) {
    return undefined;
  }
  const profile = targetProfile(access);
  await access.vault().store(profile, key, store);
  const edit = new vscode.WorkspaceEdit();
  for (const e of args.edits) {
    edit.replace(document.uri, toRange(e.range), e.newText);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(
      `The key was stored for profile '${profile.name}', but the file could not be edited: remove the key from it by hand.`,
    );
  }
  const masked = maskKey(key);
  const where = store === 'keychain' ? 'the OS keychain' : 'VS Code SecretStorage';
  void ui.info(
    `Stored the key ${masked} in ${where} for profile '${profile.name}' and removed it from the file.`,
  );
  return { profile: profile.name, store, masked };
}
