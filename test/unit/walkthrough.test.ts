import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

// The walkthrough names commands and files in package.json and its markdown; a renamed command or a moved
// file would leave a dead button that nothing else notices.

const root = path.resolve(__dirname, '../../..');
interface Step {
  id: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string }>;
    walkthroughs: Array<{ id: string; steps: Step[] }>;
  };
};

/** Every `.ts` file under src/, for the commands the extension registers. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
const registered = new Set(
  sources(path.join(root, 'src'))
    .filter((f) => !f.endsWith('.test.ts'))
    .flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/registerCommand\(\s*['"](secureGpt\.[A-Za-z.]+)['"]/g)].map(
        (m) => m[1]!,
      ),
    ),
);
const commandLinks = (text: string): string[] =>
  [...text.matchAll(/\(command:([A-Za-z.]+)/g)].map((m) => m[1]!);

describe('the walkthrough', () => {
  const walkthroughs = manifest.contributes.walkthroughs;

  it('covers setting a key, a pasted key, asking about a selection and previewing what is sent', () => {
    assert.equal(walkthroughs.length, 1);
    assert.deepEqual(
      walkthroughs[0]?.steps.map((s) => s.id),
      ['setKey', 'pastedKey', 'askSelection', 'preview'],
    );
  });

  it('names only media files that exist and commands that are contributed and registered', () => {
    let checked = 0;
    for (const step of walkthroughs.flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(path.join(root, media)), `${step.id}: ${String(media)} exists`);
      const markdown = step.media.markdown ? readFileSync(path.join(root, step.media.markdown), 'utf8') : '';
      const buttons = commandLinks(step.description);
      assert.ok(buttons.length > 0, `${step.id} has a button`);
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `${step.id} has a completion event`);
      const onCommand = events.map((e) => /^onCommand:(.+)$/.exec(e)?.[1]);
      assert.ok(
        onCommand.every((c) => c !== undefined),
        `${step.id}: completion by command`,
      );
      for (const command of [...buttons, ...commandLinks(markdown), ...onCommand]) {
        assert.ok(contributed.has(command), `${step.id}: ${command} is in contributes.commands`);
        assert.ok(registered.has(command), `${step.id}: ${command} is registered in src/`);
        checked += 1;
      }
      assert.ok(
        buttons.some((b) => onCommand.includes(b)),
        `${step.id}: its button completes it`,
      );
    }
    assert.ok(checked >= 8, `checked ${checked} command references`);
  });
});
