import { findDeclaredLiterals } from './declaredLiterals';
import { assertHidden, assertUntouched, fake } from './spanCases';

describe('redact tier: literals declared under a credential name in syntaxes namedLiterals does not read (declaredLiterals.ts)', () => {
  it('hides a chosen word or a draw in VB, C, CMake, RSpec, nginx, a namespaced YAML key and an INI key of words', () => {
    for (const line of [
      (v: string) => `Dim password As String = "${v}"`,
      (v: string) => `    Private Const ApiKey As String = "${v}"`,
      (v: string) => `#define API_KEY "${v}"`,
      (v: string) => `set(API_TOKEN "${v}")`,
      (v: string) => `let(:api_token) { "${v}" }`,
      (v: string) => `fastcgi_param DB_PASSWORD ${v};`,
      (v: string) => `config:\n  aws:region: us-east-1\n  myapp:dbPassword: ${v}`,
      (v: string) => `[credentials]\nclient secret = ${v}`,
    ]) {
      for (const v of ['amberwheel', fake(24)]) {
        assertHidden(findDeclaredLiterals, line(v), [v]);
      }
    }
  });

  it('leaves other names, values that spell the name, references and keys of code', () => {
    for (const text of [
      '#define KEY_ESCAPE "escape"',
      '#define XkbBN_AX_SlowKeysWarning "AX_SlowKeysWarning"',
      'set(CMAKE_CXX_FLAGS "-O2")',
      'set(API_TOKEN "${ENV_TOKEN}")',
      'fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;',
      'fastcgi_param DB_PASSWORD $db_password;',
      'Dim name As String = "amberwheel"',
      'client secret = amberwheel',
      '  myapp:region: eu-west-1',
    ]) {
      assertUntouched(findDeclaredLiterals, text);
    }
  });
});
