import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hooks of a pre-commit hooks file: its `- id:` items, each as its `key: value` lines (flat fields only). */
function hooksOf(yaml: string): Array<Record<string, string>> {
  const hooks: Array<Record<string, string>> = [];
  for (const line of yaml.split('\n')) {
    const item = /^- (\w+): (.*)$/.exec(line);
    const field = /^ {2}(\w+): (.*)$/.exec(line);
    if (item) {
      hooks.push({ [item[1]!]: item[2]! });
    } else if (field && hooks.length > 0) {
      hooks[hooks.length - 1]![field[1]!] = field[2]!;
    }
  }
  return hooks;
}

const root = join(__dirname, '..', '..', '..');

describe('.pre-commit-hooks.yaml and the README hook', () => {
  it('offers a hook that runs scan --staged over the index, never over file names from the work tree', () => {
    const hooks = hooksOf(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.deepEqual(
      hooks.map((h) => [h['id'], h['entry'], h['language'], h['pass_filenames'], h['always_run']]),
      [['secure-gpt', 'secure-gpt scan --staged', 'system', 'false', 'true']],
    );
  });

  it('the README gives hooks that scan with --staged, and no hook that scans work-tree copies', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Pre-commit hook'), readme.indexOf('### CI'));
    assert.ok(section.length > 0);
    assert.match(section, /exec secure-gpt scan --staged/);
    assert.match(section, /rev: /);
    assert.match(section, /- id: secure-gpt\n/);
    assert.doesNotMatch(section, /git diff --cached --name-only/);
  });
});
