import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Config {
  readonly extends?: string;
  readonly compilerOptions?: { readonly lib?: readonly string[]; readonly types?: readonly string[] };
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly references?: readonly { readonly path: string }[];
}

const root = join(__dirname, '..', '..', '..');
const read = (name: string): Config => JSON.parse(readFileSync(join(root, name), 'utf8')) as Config;

// The editor code, the webview and the tests each see only their own globals: `document` in the
// extension, `process` in the webview or `describe` in shipped code fails the typecheck (`tsc -b`).
describe('TypeScript projects', () => {
  it('the root builds three referenced projects and holds only the shared options', () => {
    const config = read('tsconfig.json');
    assert.deepEqual(
      config.references?.map((r) => r.path),
      ['./tsconfig.node.json', './tsconfig.webview.json', './tsconfig.test.json'],
    );
    assert.deepEqual(config.compilerOptions?.lib, undefined);
    assert.deepEqual(config.compilerOptions?.types, undefined);
  });

  it('Node code has no DOM and no test globals; it leaves out the webview and the tests', () => {
    const node = read('tsconfig.node.json');
    assert.ok(!node.compilerOptions?.lib?.some((l) => l.startsWith('DOM')));
    assert.deepEqual(node.compilerOptions?.types, ['node']);
    assert.ok(node.exclude?.includes('src/webview/**'));
    assert.ok(node.exclude?.includes('src/**/*.test.ts'));
  });

  it('the webview has the DOM and no Node types', () => {
    const webview = read('tsconfig.webview.json');
    assert.ok(webview.compilerOptions?.lib?.includes('DOM'));
    assert.deepEqual(webview.compilerOptions?.types, []);
    // Of the protocol, only the files the webview imports.
    assert.deepEqual(webview.include, [
      'src/webview/**/*.ts',
      'src/protocol/webview.ts',
      'src/protocol/firstState.ts',
      'src/protocol/placeholders.ts',
      'src/protocol/turnText.ts',
    ]);
  });

  it('only the tests see mocha', () => {
    assert.ok(read('tsconfig.test.json').compilerOptions?.types?.includes('mocha'));
  });
});
