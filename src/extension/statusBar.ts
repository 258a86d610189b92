import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../protocol/lsp';
import { Disposable } from '../core/disposable';

/** The status-bar count of Secure GPT findings across the workspace; a click opens the Problems panel. */
export class FindingsStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private current = 0;
  /** Secure GPT diagnostics per URI, so a change re-counts only the documents it names. */
  private readonly perUri = new Map<string, number>();
  private readonly changed = this.register(new vscode.EventEmitter<number>());
  /** Fires with the new count whenever it changes (tests wait on it). */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.item = this.register(
      vscode.window.createStatusBarItem('secureGpt.findings', vscode.StatusBarAlignment.Left, 50),
    );
    this.item.name = 'Secure GPT Findings';
    this.item.command = 'workbench.actions.view.problems';
    this.register(
      // Every language server's publish (each keystroke, for most) fires this: look only at the URIs it names.
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) {
          this.recount(uri.toString(), vscode.languages.getDiagnostics(uri));
        }
        this.update();
      }),
    );
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      this.recount(uri.toString(), diagnostics);
    }
    this.update();
    this.item.show();
  }

  /** Secure GPT diagnostics in the Problems panel right now. */
  get count(): number {
    return this.current;
  }

  private recount(uri: string, diagnostics: readonly vscode.Diagnostic[]): void {
    const count = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    if (count > 0) {
      this.perUri.set(uri, count);
    } else {
      this.perUri.delete(uri);
    }
  }

  private update(): void {
    let count = 0;
    for (const n of this.perUri.values()) {
      count += n;
    }
    this.item.text = count === 0 ? '$(shield) Secrets: 0' : `$(warning) Secrets: ${count}`;
    this.item.tooltip =
      count === 0
        ? 'Secure GPT: no secrets found in open files or the last workspace scan'
        : `Secure GPT: ${count} possible secret${count === 1 ? '' : 's'} in the Problems panel (click to open)`;
    this.item.backgroundColor =
      count === 0 ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    if (count !== this.current) {
      this.current = count;
      this.changed.fire(count);
    }
  }
}
