import * as vscode from 'vscode';
import type { Log } from '../log';
import type { FailureUi } from './failureNotice';

/** `FailureUi` over the editor's notifications and commands. */
export function vscodeFailureUi(log: Log): FailureUi {
  return {
    error: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
    executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    showLog: () => log.show(),
  };
}
