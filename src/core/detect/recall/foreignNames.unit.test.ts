import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { credentialKind } from './credentialName';
import { foldWord } from './foreignWords';
import { findForeignNames } from './foreignNames';
import { assertHidden, assertUntouched, draw, leaksFragment } from './spanCases';

// Credential names in other tongues (hunt J: 304 placements in 28 tongues, written outside this repository;
// 525 of its 1,520 runs leaked at b1bfab5). Values are drawn here: a chosen word (two words joined, the shape
// that leaked most) and a generated token.
const WORDS = [
  'amber',
  'wheel',
  'copper',
  'lantern',
  'violet',
  'harbor',
  'maple',
  'falcon',
  'meadow',
  'cobalt',
];
const chosen = (): string => {
  const pick = (): string => WORDS[Number.parseInt(randomToken('0123456789', 1), 10)]!;
  return `${pick()}${pick()}${randomToken('0123456789', 2)}`;
};
const redact = (text: string): string => redactText(text, new RedactionMap()).text;
const assertRedacted = (template: string): void => {
  for (const value of [chosen(), draw(24)]) {
    const text = template.replace('VALUE', value);
    const out = redact(text);
    assert.ok(
      !out.includes(value) && !leaksFragment(out, value),
      `${JSON.stringify(text)} -> ${JSON.stringify(out)}`,
    );
  }
};

describe('redact tier: credential names in other tongues (foreignNames.ts, foreignWords.ts)', () => {
  it('reads names with accents and other scripts as the words they are', () => {
    assert.equal(foldWord('contraseña'), 'contrasena');
    assert.equal(foldWord('hasło'), 'haslo');
    assert.equal(foldWord('şifre'), 'sifre');
    assert.equal(foldWord('mật'), 'mat');
    // Kana and Hangul keep their marks: they are sounds, not accents.
    assert.equal(foldWord('パスワード'), 'パスワード');
    for (const [name, kind] of [
      ['CONTRASEÑA_BD', 'password'],
      ['clé_secrète', 'secret'],
      ['пароль', 'password'],
      ['数据库密码', 'password'],
      ['访问令牌', 'token'],
      ['APIキー', 'key'],
      ['비밀번호', 'password'],
      ['كلمة_المرور', 'password'],
      ['mat_khau', 'password'],
      ['chave_api', 'key'],
      ['ZUGANGSSCHLUESSEL', 'key'],
      ['api_kulcs', 'key'],
      ['codigo_de_acesso', 'password'],
    ] as const) {
      assert.equal(credentialKind(name), kind, name);
    }
    // A key word alone, or with a word that makes it an ordinary key, is no credential.
    for (const name of ['chave', 'ключ', 'chave_primaria', 'キー', 'nyckel']) {
      assert.equal(credentialKind(name), undefined, name);
    }
  });

  it('hides the value given to such a name in code, config and data', () => {
    for (const template of [
      'CONTRASEÑA_BD=VALUE\n',
      'clé_secrète: VALUE\n',
      '{"пароль": "VALUE"}\n',
      '数据库密码 = "VALUE"\n',
      'const パスワード: string = "VALUE";\n',
      'db.パスワード=VALUE\n',
      '    environment:\n      - 비밀번호=VALUE\n',
      'كلمة_المرور: VALUE\n',
      '{"उपयोगकर्ता": "admin", "पासवर्ड": "VALUE"}\n',
      'val cleApi = "VALUE"\n',
      'KATA_LALUAN=VALUE\n',
      '{"api_anahtari": "VALUE"}\n',
      'geheime_sleutel = "VALUE"\n',
    ]) {
      assertRedacted(template);
    }
  });

  it('reads a full-width colon or equals sign as the separator a CJK input method types', () => {
    for (const template of ['/* 密码：VALUE */\n', '# パスワード：VALUE\n', 'password＝VALUE\n']) {
      assertRedacted(template);
    }
  });

  it('finds names past ASCII only, once each, and leaves prose and other names alone', () => {
    const v = chosen();
    assertHidden(findForeignNames, `пароль = "${v}"\nпароль = "${v}"\n`, [v]);
    assertUntouched(findForeignNames, `password = "${v}"\n`);
    assertUntouched(findForeignNames, 'имя = "Иван"\nгород: Москва\n数据库 = "主库"\n');
    assertUntouched(findForeignNames, 'Le mot de passe doit contenir huit caractères.\n');
    // An instruction in CJK (`please fill in your password`), and "example" in Indonesian, are no values.
    assertUntouched(findForeignNames, '# \u5bc6\u7801\uff1a\u8bf7\u586b\u5199\u4f60\u7684\u5bc6\u7801\n');
    assert.equal(redact('KATA_SANDI=contoh\n'), 'KATA_SANDI=contoh\n');
  });
});
