import type { DisposableLike } from '../../core/disposable';
import { DisposableStore } from '../../core/disposable';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { currentSettings } from '../chat/settingsReader';
import type { KeyAccess } from '../keys/keyAccess';
import type { Log } from '../log';
import { gatewayRefusal } from './gatewayChecks';
import type { GatewayChild } from './gatewayProcess';
import { gatewayEnvironment, launchGateway } from './gatewayProcess';
import type { GatewayAddress, SnippetClient } from './gatewaySnippets';
import { gatewaySnippet, SNIPPET_CHOICES } from './gatewaySnippets';

const RESTRICTED =
  'This workspace is in Restricted Mode: Secure GPT does not start the gateway, through which tools send workspace content to a model, until you trust it.';

/** A gateway this editor started: the child, and what the snippets point at. */
interface Running {
  readonly child: GatewayChild;
  readonly profile: string;
  readonly address: GatewayAddress;
}

/**
 * The local gateway started from the editor: `secure-gpt proxy` (dist/cli.js) as a child of the extension host,
 * under the host's own Node. The child reads the key from the keychain itself, so the key never passes through
 * here; the extension holds only the per-start client token. It stops with the editor: on Stop, on dispose
 * (deactivation), and, if the host dies without either, when its stdin pipe closes.
 */
export class LocalGateway implements vscode.Disposable {
  private running: Running | undefined;
  private starting: Promise<void> | undefined;
  private stopping = false;
  private readonly item: vscode.StatusBarItem;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly keys: KeyAccess,
    private readonly log: Log,
    private readonly auditDir: string,
  ) {
    this.item = vscode.window.createStatusBarItem('secureGpt.gateway', vscode.StatusBarAlignment.Left, 49);
    this.item.name = 'Secure GPT Gateway';
    // Start on a running gateway offers Copy config and Stop.
    this.item.command = 'secureGpt.startGateway';
  }

  /** Where the running gateway listens and its token (test hooks, and the snippets); undefined when stopped. */
  get address(): GatewayAddress | undefined {
    return this.running?.address;
  }

  /** Starts the gateway, or offers the running one's actions. */
  async start(): Promise<void> {
    if (this.running) {
      return this.offerActions(this.running);
    }
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(RESTRICTED, 'Manage Workspace Trust');
      if (choice) {
        await vscode.commands.executeCommand('workbench.trust.manage');
      }
      return;
    }
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Stops the running gateway; says so when none runs. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const running = this.running;
    if (!running) {
      void vscode.window.showInformationMessage('The Secure GPT gateway is not running.');
      return;
    }
    this.stopping = true;
    try {
      await running.child.stop();
    } finally {
      this.stopping = false;
    }
    this.clear(running);
    this.log.info(`Gateway stopped (${running.address.url}).`);
    void vscode.window.showInformationMessage('Secure GPT gateway stopped.');
  }

  /** Copies one client's config for the running gateway: `client`, or the one the user picks. */
  async copyConfig(client?: SnippetClient): Promise<void> {
    const running = this.running;
    if (!running) {
      void vscode.window.showInformationMessage(
        'The Secure GPT gateway is not running: start it with "Secure GPT: Start Local Gateway".',
      );
      return;
    }
    const chosen =
      client ??
      (
        await vscode.window.showQuickPick(
          SNIPPET_CHOICES.map((c) => ({ ...c, description: '' })),
          { title: `Copy config for the gateway at ${hostOf(running.address.url)}` },
        )
      )?.client;
    if (!chosen) {
      return;
    }
    await vscode.env.clipboard.writeText(gatewaySnippet(chosen, running.address));
    const label = SNIPPET_CHOICES.find((c) => c.client === chosen)?.label ?? chosen;
    void vscode.window.showInformationMessage(
      `Copied the ${label} config. It holds the gateway's token for this start, not your API key.`,
    );
  }

  dispose(): void {
    if (this.running) {
      // SIGTERM is sent now, synchronously; the child closes its server and exits on its own.
      this.stopping = true;
      void this.running.child.stop();
      this.running = undefined;
    }
    this.item.dispose();
  }

  private async launch(): Promise<void> {
    const profile = this.keys.activeProfile();
    const refusal = gatewayRefusal(profile, await this.keys.keySource(profile.name));
    if (refusal) {
      this.log.warn(`Gateway not started: ${refusal}`);
      void vscode.window.showWarningMessage(`Secure GPT: ${refusal}`);
      return;
    }
    const { settings } = currentSettings();
    const dir = path.join(this.context.globalStorageUri.fsPath, 'gateway');
    const profilesFile = path.join(dir, 'profiles.json');
    const configFile = path.join(dir, 'config.json');
    let child: GatewayChild;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // The editor's active profile (an endpoint, never a key) and settings, for the CLI to read as its own.
      await writeFile(profilesFile, JSON.stringify({ profile: profile.name, profiles: [profile] }), {
        mode: 0o600,
      });
      await writeFile(configFile, JSON.stringify(settings), { mode: 0o600 });
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      child = await launchGateway({
        execPath: process.execPath,
        cliPath: this.context.asAbsolutePath(path.join('dist', 'cli.js')),
        profile: profile.name,
        env: gatewayEnvironment(process.env, {
          allowEnvironmentKey: this.keys.settings.allowEnvironmentKey(),
          profilesFile,
          configFile,
          auditDir: this.auditDir,
          profile: profile.name,
        }),
        // The CLI guards the .env values it finds from its working directory up, as `ask` does.
        cwd: folder?.scheme === 'file' ? folder.fsPath : dir,
        onLog: (line) => this.log.info(`gateway: ${line}`),
      });
    } catch (error) {
      this.log.showError('the local gateway did not start', error);
      return;
    }
    this.log.mask(child.token, 'gateway-token');
    const model = ('model' in profile ? profile.model : undefined) ?? settings.model;
    const running: Running = {
      child,
      profile: profile.name,
      address: { url: child.url, token: child.token, model },
    };
    this.running = running;
    void child.exited.then(() => this.exited(running));
    this.item.text = '$(radio-tower) Gateway';
    this.item.tooltip = `Gateway: ${hostOf(child.url)} (profile '${profile.name}'). Click to copy a client config or stop it.`;
    this.item.show();
    this.log.info(`Gateway listening at ${child.url} (profile '${profile.name}').`);
    void vscode.window
      .showInformationMessage(
        `Secure GPT gateway at ${child.url} (profile '${profile.name}'). Point a tool at it with its token.`,
        'Copy Config…',
      )
      .then((choice) => (choice ? this.copyConfig() : undefined));
  }

  private async offerActions(running: Running): Promise<void> {
    const copy = 'Copy config…';
    const stop = 'Stop the gateway';
    const choice = await vscode.window.showQuickPick([copy, stop], {
      title: `Gateway: ${hostOf(running.address.url)} (profile '${running.profile}')`,
    });
    if (choice === copy) {
      await this.copyConfig();
    } else if (choice === stop) {
      await this.stop();
    }
  }

  /** The child ended: by Stop (already cleared), or by itself, which the user is told. */
  private exited(running: Running): void {
    if (this.running !== running) {
      return;
    }
    this.clear(running);
    if (!this.stopping) {
      this.log.showError(`the local gateway at ${running.address.url} stopped unexpectedly`);
    }
  }

  private clear(running: Running): void {
    if (this.running === running) {
      this.running = undefined;
      this.item.hide();
    }
  }
}

/** `127.0.0.1:PORT` of the gateway URL. */
function hostOf(url: string): string {
  return new URL(url).host;
}

/** The Start, Stop and Copy commands and the status item; returns the gateway for the test hooks. */
export function registerGateway(
  context: vscode.ExtensionContext,
  keys: KeyAccess,
  log: Log,
  auditDir: string,
): { readonly gateway: LocalGateway } & DisposableLike {
  const gateway = new LocalGateway(context, keys, log, auditDir);
  const owner = DisposableStore.of(
    gateway,
    // Arguments are ignored: any extension may call a command, and none chooses what is started or copied.
    vscode.commands.registerCommand('secureGpt.startGateway', () => gateway.start()),
    vscode.commands.registerCommand('secureGpt.stopGateway', () => gateway.stop()),
    vscode.commands.registerCommand('secureGpt.copyGatewayConfig', () => gateway.copyConfig()),
  );
  return { gateway, dispose: () => owner.dispose() };
}
