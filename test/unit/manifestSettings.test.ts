import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { settingSpecs } from '../../src/core/config/settings';
import { CONFIGURATION_SECTION } from '../../src/protocol/lsp';

interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    configuration: Array<{ properties: Record<string, { scope?: string; markdownDescription?: string }> }>;
  };
}

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const declared = new Map(
  manifest.contributes.configuration.flatMap((section) => Object.entries(section.properties)),
);
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every `secureGpt.*` key the code reads, and the file that reads it, found four ways:
 * - `getConfiguration('<section>')` then `.get/.inspect/.update('<name>')` with a literal name in the same file;
 * - full dotted keys written out (`'secureGpt.limits.requestsPerMinute'`), commands and view focus aside;
 * - the validated settings of `core/config/settings.ts`;
 * - `<id>.trace.server`, which the language client reads for its `new LanguageClient('<id>', ...)`.
 */
function keysTheCodeReads(): Map<string, string> {
  const read = new Map<string, string>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8').replaceAll('${CONFIGURATION_SECTION}', CONFIGURATION_SECTION);
    const where = relative(root, file);
    const sections = [...text.matchAll(/getConfiguration\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1] ?? '');
    const ours = sections.filter((s) => s === 'secureGpt' || s.startsWith('secureGpt.'));
    if (ours.length > 0) {
      assert.equal(
        new Set(sections).size,
        1,
        `${where} reads several sections: the test cannot tell whose a name is`,
      );
      for (const m of text.matchAll(
        /\.(?:get|inspect|update)(?:<[^>()]*>)?\(\s*['"`]([A-Za-z][\w.]*)['"`]/g,
      )) {
        read.set(`${ours[0]}.${m[1]}`, where);
      }
    }
    for (const m of text.matchAll(/['"`](secureGpt(?:\.[A-Za-z]\w*){2,})['"`]/g)) {
      const key = m[1] ?? '';
      if (!commands.has(key) && !key.endsWith('.focus')) {
        read.set(key, where);
      }
    }
    for (const m of text.matchAll(/new LanguageClient\(\s*['"`]([\w.-]+)['"`]/g)) {
      read.set(`${m[1]}.trace.server`, `${where} (the language client)`);
    }
  }
  for (const key of Object.keys(settingSpecs)) {
    read.set(`secureGpt.${key}`, 'src/core/config/settings.ts');
  }
  return read;
}

describe('package.json: configuration', () => {
  const read = keysTheCodeReads();

  it('finds the keys read each way (the search itself works)', () => {
    for (const key of [
      'secureGpt.trace.server',
      'secureGpt.retention.days',
      'secureGpt.detection.ignorePaths',
      'secureGpt.allowEnvironmentKey',
      'secureGpt.limits.requestsPerMinute',
    ]) {
      assert.ok(read.has(key), key);
    }
  });

  it('declares every secureGpt.* key the code reads', () => {
    const missing = [...read].filter(([key]) => !declared.has(key)).map(([key, file]) => `${key} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('declares the language server trace as off, messages or verbose, per window', () => {
    const trace = declared.get('secureGpt.trace.server') as
      { scope?: string; default?: string; enum?: string[]; markdownDescription?: string } | undefined;
    assert.equal(trace?.scope, 'window');
    assert.equal(trace.default, 'off');
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.ok(trace.markdownDescription);
  });

  it('gives every setting a scope and a markdownDescription', () => {
    for (const [key, spec] of declared) {
      assert.ok(spec.scope && spec.markdownDescription, key);
    }
  });
});
