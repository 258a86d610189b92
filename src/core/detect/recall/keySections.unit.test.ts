import * as assert from 'node:assert/strict';
import { findNamedLiterals } from './namedLiterals';
import { inCredentialSection } from './keySections';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findNamedLiterals, text, [value]);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: a plain Key under a section that names its use (keySections.ts)', () => {
  it('hides any value of a Key under a JWT, signing or encryption section, in JSON, YAML, INI and diffs', () => {
    const passphrase = `crystal-meadow-${fake(6).toLowerCase()}`;
    const word = `Falcon${2000 + (fake(1).charCodeAt(0) % 20)}$`;
    hides(`{\n  "Jwt": {\n    "Key": "${passphrase}",\n    "Issuer": "acme"\n  }\n}\n`, passphrase);
    hides(
      `--- a/appsettings.json\n+++ b/appsettings.json\n   "Jwt": {\n-    "Key": "changeme",\n+    "Key": "${word}",\n`,
      word,
    );
    hides(`jwt:\n  issuer: acme\n  key: ${word}\n`, word);
    hides(`[signing]\nalgorithm = HS256\nkey = ${word}\n`, word);
    hides(`"Encryption": {\n  "Key": "${passphrase}"\n}`, passphrase);
  });

  it('leaves a Key of a cache, a map or a translation, and a section closed before the key', () => {
    leaves('"Cache": {\n  "Key": "user-profile",\n  "Ttl": 60\n}');
    leaves('{\n  "Jwt": {\n    "Issuer": "x"\n  },\n  "Redis": {\n    "Key": "sessions-prefix"\n  }\n}');
    leaves('translations:\n  key: welcome-message\n');
  });

  it('looks only a few lines up, whatever the text holds above', () => {
    const text = `"Jwt": {\n${'  "a": 1,\n'.repeat(20)}  "Key": "x"`;
    assert.equal(inCredentialSection(text, text.indexOf('"Key"') + 1), false);
    const near = `"Jwt": {\n  "Issuer": "x",\n  "Key": "y"`;
    assert.equal(inCredentialSection(near, near.indexOf('"Key"') + 1), true);
  });
});
