import * as assert from 'node:assert/strict';
import { HEX, LOWER_ALNUM, randomToken } from '../random';
import { scan } from '../scanner';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { DJANGO_ALPHABET, WORDPRESS_ALPHABET } from './frameworkKeys';

const values = (text: string): string[] => scan(text).map((f) => text.slice(f.start, f.end));
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

/** A draw of `alphabet` with `inside` put in its middle, `length` characters in all. */
function drawWith(alphabet: string, length: number, inside: string): string {
  const body = randomToken(alphabet, length - inside.length);
  const at = 5 + Math.floor(body.length / 3);
  return body.slice(0, at) + inside + body.slice(at);
}

/**
 * A Django key that holds digits, marks and letters as a draw does (the rule's floor: three digits, three
 * marks, 15 lower-case letters; a draw of 50 has fewer letters about once in 2,000).
 */
function djangoKey(inside = ''): string {
  for (;;) {
    const key = drawWith(DJANGO_ALPHABET, 50, inside);
    const digits = key.replace(/[^0-9]/g, '').length;
    const marks = key.replace(/[^!@#$%^&*(=+)]/g, '').length;
    const letters = key.replace(/[^a-z]/g, '').length;
    if (digits >= 3 && marks >= 3 && letters >= 15 && !/your|here|fake|mock|todo|xxxx/.test(key)) {
      return key;
    }
  }
}

describe('keys drawn by web frameworks (report tier, rules/frameworkKeys.ts)', () => {
  it("Django: a key of the whole alphabet, `%s`, `$(…)`, `***` and `&&` included, where Django's settings and a .env put it", () => {
    // Each of these pieces made another rule read the key as a format, a reference, a mask or code;
    // together about one real key in three holds one of them.
    for (const inside of ['', '%s', '$(ab)', '***', '&&', '%(x)s', '#']) {
      const key = djangoKey(inside);
      for (const line of [
        `SECRET_KEY = 'django-insecure-${key}'`,
        `SECRET_KEY = "${key}"`,
        `DJANGO_SECRET_KEY=${key}`,
        `export DJANGO_SECRET_KEY='${key}'`,
        `  SECRET_KEY: "${key}"`,
      ]) {
        assert.deepEqual(ids(line), ['django-secret-key'], line);
        assert.ok(values(line)[0]!.endsWith(key), line);
      }
    }
  });

  it('Django: the stock and tutorial values, references, other lengths and other alphabets are not keys', () => {
    for (const line of [
      "SECRET_KEY = 'django-insecure-change-me-before-you-deploy-this-anywhere-please!'",
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      "SECRET_KEY = env('DJANGO_SECRET_KEY', default='')",
      `SECRET_KEY = '${'a1!'.repeat(16)}zz'`, // 50 characters, repeated
      `SECRET_KEY = '${randomToken('abcdefghijklmnopqrstuvwxyz-', 50)}'`, // no digits, no marks
    ]) {
      assert.ok(!ids(line).includes('django-secret-key'), line);
    }
    // 49 or 51 characters: not a draw of get_random_secret_key (another rule may still read it).
    for (const n of [49, 51]) {
      const line = `DJANGO_SECRET_KEY=${djangoKey().slice(0, 49)}${n === 51 ? 'ab' : ''}`;
      assert.ok(!ids(line).includes('django-secret-key'), line);
    }
  });

  it('WordPress: the eight keys and salts of wp-config.php and a Bedrock .env, blanks, `<…>` and `{…}` included', () => {
    for (const inside of ['', '<abc>', '{{ x }}', ' ', '${k}', '***']) {
      const key = drawWith(WORDPRESS_ALPHABET, 64, inside);
      for (const line of [
        `define( 'AUTH_KEY',         '${key}' );`,
        `define('SECURE_AUTH_SALT', '${key}');`,
        `define("LOGGED_IN_KEY", "${key}");`,
        `NONCE_SALT='${key}'`,
      ]) {
        assert.deepEqual(values(line), [key], line);
      }
    }
    // What other installers write: 64 lower-case letters and digits, or 40 hex.
    for (const key of [randomToken(LOWER_ALNUM, 64), randomToken(HEX, 40)]) {
      assert.deepEqual(values(`define( 'AUTH_SALT',        '${key}' );`), [key], key);
    }
  });

  it('WordPress: the stock phrase, a typed phrase, a lookup and a whole template are not keys', () => {
    for (const line of [
      "define( 'AUTH_KEY',         'put your unique phrase here' );",
      "define( 'NONCE_KEY', 'correct horse battery staple and then some more words' );",
      "define( 'AUTH_SALT', getenv( 'WP_AUTH_SALT' ) );",
      "define( 'AUTH_KEY', '<generate one at api.wordpress.org/secret-key/1.1/salt>' );",
      "define( 'LOGGED_IN_SALT', '${LOGGED_IN_SALT_FROM_THE_ENVIRONMENT_OF_THIS_CONTAINER}' );",
    ]) {
      assert.deepEqual(ids(line), [], line);
    }
  });

  it('what the rules find, redact hides whole, and the placeholder is restored to the same key', () => {
    const wp = drawWith(WORDPRESS_ALPHABET, 64, '<abc>');
    const dj = djangoKey('%s');
    const text = `define( 'AUTH_KEY', '${wp}' );\nDJANGO_SECRET_KEY=${dj}\n`;
    const map = new RedactionMap();
    const out = redactText(text, map).text;
    assert.ok(!out.includes(wp.slice(10, 30)) && !out.includes(dj.slice(10, 30)), out);
    assert.equal(map.restore(out), text);
  });
});
