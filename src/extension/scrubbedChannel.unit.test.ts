import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { githubToken } from '../core/detect/checksum';
import { ALNUM, randomToken } from '../core/detect/random';
import { scrubbedChannel } from './scrubbedChannel';

describe('the trace channel scrubs what the language client writes', () => {
  it('masks a secret in an LSP trace line, in append and appendLine alike', () => {
    const written: string[] = [];
    const target = {
      name: 'Secure GPT',
      append: (v: string) => written.push(v),
      appendLine: (v: string) => written.push(v),
      replace: (v: string) => written.push(v),
      clear: () => undefined,
      show: () => undefined,
      hide: () => undefined,
      dispose: () => undefined,
    } as unknown as vscode.OutputChannel;
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const channel = scrubbedChannel(target);
    const trace = `[Trace] Sending notification 'textDocument/didOpen'.\nParams: {"textDocument":{"text":"token = \\"${token}\\""}}`;
    channel.appendLine(trace);
    channel.append(trace);
    assert.equal(written.length, 2);
    for (const line of written) {
      assert.ok(!line.includes(token));
      assert.match(line, /‹redacted:github-pat›/);
    }
  });
});
