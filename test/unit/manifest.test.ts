import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MenuItem {
  command?: string;
  submenu?: string;
  when?: string;
  group?: string;
}
interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, MenuItem[]>;
    submenus: Array<{ id: string; label: string }>;
    keybindings: Array<{ command: string; key: string; mac?: string; when?: string }>;
  };
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as Manifest;
const { menus, submenus, keybindings, commands } = manifest.contributes;

const SELECTION_ACTIONS = [
  'secureGpt.askAboutSelection',
  'secureGpt.explainSelection',
  'secureGpt.reviewSelection',
  'secureGpt.writeTestsForSelection',
  'secureGpt.previewOutgoingRequest',
];

describe('package.json: menus, submenu and keybindings', () => {
  it('puts the selection actions in one "Secure GPT" editor submenu, shown only with a selection', () => {
    const top = menus['editor/context'] ?? [];
    assert.deepEqual(top, [
      { submenu: 'secureGpt.editorContext', when: 'editorHasSelection', group: 'secureGpt@1' },
    ]);
    assert.deepEqual(submenus, [{ id: 'secureGpt.editorContext', label: 'Secure GPT' }]);
    assert.deepEqual(
      (menus['secureGpt.editorContext'] ?? []).map((m) => m.command),
      SELECTION_ACTIONS,
    );
  });

  it('shows Stop only while an answer streams', () => {
    const stop = (menus['view/title'] ?? []).find((m) => m.command === 'secureGpt.stopAnswer');
    assert.ok(stop?.when?.includes('secureGpt.answering'));
  });

  it('binds keys to open the chat and to ask about the selection (only with one)', () => {
    const open = keybindings.find((k) => k.command === 'secureGpt.openChat');
    const ask = keybindings.find((k) => k.command === 'secureGpt.askAboutSelection');
    assert.ok(open?.key && open.mac);
    assert.ok(ask?.key && ask.mac);
    assert.match(ask.when ?? '', /editorHasSelection/);
    const keys = keybindings.map((k) => k.key);
    assert.equal(new Set(keys).size, keys.length, 'no key bound twice');
  });

  it('every command a menu or keybinding names is declared, with the Secure GPT category', () => {
    const declared = new Map(commands.map((c) => [c.command, c]));
    const named = [
      ...Object.values(menus).flatMap((items) => items.map((m) => m.command)),
      ...keybindings.map((k) => k.command),
    ].filter((c): c is string => c !== undefined);
    for (const command of named) {
      assert.equal(declared.get(command)?.category, 'Secure GPT', command);
    }
  });
});
