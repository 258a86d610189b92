import * as assert from 'assert';
import * as vscode from 'vscode';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { redactText } from '../../src/core/pipeline/redact';
import { RedactionMap } from '../../src/core/pipeline/redactionMap';
import type {
  RestoreAction,
  RestoreChoice,
  RestorePlan,
  RestoreUi,
} from '../../src/core/restore/restorePolicy';
import { handleCodeAction } from '../../src/extension/chat/answerActions';

/** Answers the restore choice from a script, and records what it was shown. */
class ScriptedRestoreUi implements RestoreUi {
  readonly shown: { action: RestoreAction; plan: RestorePlan }[] = [];
  constructor(private readonly answer: RestoreChoice | undefined) {}
  choose(action: RestoreAction, plan: RestorePlan): Promise<RestoreChoice | undefined> {
    this.shown.push({ action, plan });
    return Promise.resolve(this.answer);
  }
}

async function emptyEditor(language: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content: '' });
  return vscode.window.showTextDocument(document);
}

// Issue 10: Insert at cursor follows the restore policy in the real editor (the chat's own handler, with the
// modal replaced by a script). The browser e2e of issue 11 clicks the modal itself.
describe('Insert at cursor follows the restore policy (real VS Code)', () => {
  const token = githubToken('ghp', randomToken(ALNUM, 30));
  const key = ['sk', 'proj', randomToken(ALNUM, 48)].join('-');
  const map = new RedactionMap();
  redactText(`token ${token} key ${key}`, map, { known: [{ kind: 'api-key', value: key }] });
  const code = 'const token = "‹secret:github-pat#1›";\nconst key = "‹secret:api-key#1›";\n';
  const insert = (ui: RestoreUi): Promise<void> =>
    handleCodeAction({ type: 'insertCode', code, language: 'ts' }, { map, enabled: true, ui });

  it('writes the environment reference by default, and keeps the key placeholder', async () => {
    const editor = await emptyEditor('javascript');
    const ui = new ScriptedRestoreUi('references');
    await insert(ui);
    assert.strictEqual(
      editor.document.getText(),
      'const token = process.env.GITHUB_TOKEN;\nconst key = "‹secret:api-key#1›";\n',
    );
    assert.strictEqual(ui.shown[0]?.action, 'insert');
    assert.deepStrictEqual(
      ui.shown[0]?.plan.items.map((i) => `${i.ruleId} ${i.reference ?? ''}`),
      ['github-pat process.env.GITHUB_TOKEN'],
    );
  });

  it('writes the real value only when chosen, never the key; a cancelled choice writes nothing', async () => {
    const editor = await emptyEditor('python');
    await insert(new ScriptedRestoreUi('values'));
    const text = editor.document.getText();
    assert.ok(text.includes(`"${token}"`), 'the chosen value is written');
    assert.ok(!text.includes(key) && text.includes('‹secret:api-key#1›'), 'the key never is');
    const other = await emptyEditor('python');
    await insert(new ScriptedRestoreUi(undefined));
    assert.strictEqual(other.document.getText(), '');
  });
});
