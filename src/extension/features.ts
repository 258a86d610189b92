import type * as vscode from 'vscode';
import type { DisposableLike } from '../core/disposable';
import { DisposableStore } from '../core/disposable';
import type { ChatSession } from './chat/chatSession';
import type { ChatViewProvider } from './chat/chatView';
import { registerChat } from './chat/registerChat';
import type { LocalGateway } from './gateway/registerGateway';
import { registerGateway } from './gateway/registerGateway';
import type { KeysApi } from './keys/registerKeys';
import { createKeys, registerKeyCommands } from './keys/registerKeys';
import type { SecureGptLanguageClient } from './languageClient';
import { registerLanguageClient } from './languageClient';
import type { Log } from './log';
import type { LocalData } from './records/localData';
import { registerScanWorkspace } from './scanWorkspace';
import { registerSecurity } from './security/registerSecurity';
import { testHooksToken } from './testHooks';
import { registerWalkthrough } from './walkthrough';

/** What the features hand back to the entry: the test hooks' parts, and the one owner of all they set up. */
export interface Features extends DisposableLike {
  readonly keys: KeysApi;
  readonly languageClient: SecureGptLanguageClient;
  readonly session: ChatSession;
  readonly gateway: LocalGateway;
}

/**
 * Everything the extension does beyond what `activate` sets up at once: the key store and its commands, the
 * language client, the chat session behind the view, the records, the security commands, the walkthrough and the local gateway.
 * Built as its own bundle (dist/ext/features.js, see chunks.ts) and started after `activate` returns (once the chat's page is set, or a second);
 * every command registered here had a stand-in until then (lazyFeatures.ts). The log, the chat view and the
 * local data come from the entry, so a key masked here is masked in every later line of the one log.
 */
export function startFeatures(
  context: vscode.ExtensionContext,
  log: Log,
  chat: ChatViewProvider,
  data: LocalData,
): Features {
  const owners = new DisposableStore();
  const own = <T extends DisposableLike>(owner: T): T => owners.add(owner);
  try {
    const keys = createKeys(context, log);
    own(registerKeyCommands(keys, log));
    const testHost = testHooksToken(context) !== undefined;
    const languageClient = own(registerLanguageClient(context, log, { testHooks: testHost }));
    own(registerScanWorkspace(log, languageClient));
    own(registerSecurity(context, keys.access, keys.ui, data, log));
    const { session } = own(registerChat(context.secrets, chat, keys.access, data, log));
    own(registerWalkthrough());
    const { gateway } = own(registerGateway(context, keys.access, log, data.audit.dir));
    return { keys, languageClient, session, gateway, dispose: () => owners.dispose() };
  } catch (error) {
    // Half started: release what did start (its commands among it), so the stand-ins can take their place.
    owners.dispose();
    throw error;
  }
}
