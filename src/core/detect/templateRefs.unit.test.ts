import * as assert from 'node:assert/strict';
import { assertLinear } from '../../../test/support/cpuTime';
import { isPlaceholder } from './placeholders';
import { randomToken } from './random';
import { bracketsBalance } from './rules/literalChecks';
import { freshSample } from './rules/ruleKit';
import { scan } from './scanner';
import { strayDollarStart, templateMarks } from './templateRefs';

/** The characters of a generated password that holds template marks among its punctuation. */
const PUNCTUATED = 'abcdefghijklmnopqrstuvwxyz#$()->[]_{}';

describe('templateMarks', () => {
  it('reads well-formed references from shell, Compose, Terraform, Actions, Helm, Jinja and Go templates', () => {
    const references = [
      '${DB_PASSWORD}',
      '${DB_PASSWORD:-local_dev}',
      '${DB_PASSWORD:?set DB_PASSWORD}',
      '${DB_PASSWORD:-${FALLBACK_PASSWORD}}',
      '${env:DB_PASSWORD}',
      '${ssm:/prod/db/password}',
      '${var.db_password}',
      '${file("secrets/db.txt")}',
      '${{ secrets.DB_PASSWORD }}',
      '${{ inputs.token || secrets.GITHUB_TOKEN }}',
      '{{ .Values.db.password }}',
      '{{ .Values.db.password | b64enc | quote }}',
      '{{- .Values.auth.token -}}',
      '{{ $.Values.password }}',
      '{{ index .Values "db-password" }}',
      '{{ db_password }}',
      "{{ lookup('env', 'DB_PASSWORD') }}",
      "{{ vault('secret/db', 'password') }}",
      '{{password}}',
      '$(cat /run/secrets/db_password)',
      "$(aws ssm get-parameter --name /db/pw --with-decryption --query 'Parameter.Value' --output text)",
      '$(vault kv get -field=password secret/db)',
      'postgres://app:${DB_PASSWORD}@db.internal:5432/app',
      'Bearer ${API_TOKEN}',
      '${USER}:${PASSWORD}',
      'prefix-{{ .Values.suffix }}',
      // A rule may cut a value before its closer: an open expression to the end is still a reference.
      '{{ .Values.db',
      '${DB_PASS',
    ];
    for (const v of references) {
      assert.equal(templateMarks(v), 'references', v);
      assert.ok(isPlaceholder(v), v);
    }
  });

  it('reads marks among a password punctuation, or beside a key-like literal, as a literal', () => {
    const literals = [
      'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}',
      '#-rvhgi]#wr-y[${abjy>{rf>tvi[({fgcg[t}}',
      'knkw#ryy[pk#](cclzmobqqjlm$($(tjc[m>b}}',
      '${l$puj(($((hcequey)i_}>[$p$gmbmz[-yv}}',
      'gmotqv}u-k>uw>h}uptca[gm]iuy${)}uvkdu}}',
      'tvsggggey[rixjsmorymo{{uwhyuuiopcja-r}}',
      `${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz', 10)}7Q${randomToken('0123456789', 6)}\${SUFFIX}`,
    ];
    for (const v of literals) {
      assert.equal(templateMarks(v), 'literal', v);
      assert.ok(!isPlaceholder(v), v);
    }
  });

  it('says none for a value without marks, and a lone closer is no mark', () => {
    assert.equal(templateMarks('zq8 lorvex tamb'), 'none');
    assert.equal(templateMarks('x]mg}(j(-mk}}'), 'none');
  });

  it('is linear on long runs of marks', () => {
    assert.equal(templateMarks('${A}{{ .B }}$(c d)'.repeat(5000)), 'references');
    assert.equal(templateMarks(`${'{{ a'.repeat(5000)}#`), 'literal');
    assertLinear(
      (n) => {
        templateMarks('${A}{{ .B }}$(c d)'.repeat(n));
        templateMarks(`${'{{ a'.repeat(n)}#`);
      },
      20_000,
      10,
    );
  });
});

describe('strayDollarStart', () => {
  it('reads a variable at the start as a variable', () => {
    for (const v of [
      '$DB_PASSWORD',
      '$db_password',
      '$HOME/.secrets/pw',
      '$this->password',
      "$config['db']['password']",
      '$config["password"]',
      '$argv[1]',
      '$opts{password}',
      '$env:DB_PASSWORD',
    ]) {
      assert.equal(strayDollarStart(v), false, v);
    }
  });

  it('reads a dollar sign before a stray bracket, hash or angle as a password character', () => {
    for (const v of [
      '$u}xi(bobk$pai[m#ih}wj',
      '$b>mtpbt$mobe{yz>kgr(',
      '$yj[)#v[hznfrp',
      '$jaif}moa#zgy)m_s',
    ]) {
      assert.equal(strayDollarStart(v), true, v);
    }
    assert.equal(strayDollarStart('plain'), false);
  });
});

describe('credential literals with template marks', () => {
  const LITERAL_RULES = new Set(['generic-credential-literal', 'generic-compared-credential']);
  const found = (text: string): boolean => scan(text).some((f) => LITERAL_RULES.has(f.ruleId));
  /**
   * Draws until the value opens no `#{…}`: that is Ruby's interpolation, a real reference, which the
   * alphabet forms by chance in about one draw in 300 (the tests below failed about one run in 15). Nor
   * may its brackets all pair up: a balanced value reads as an expression to every literal rule (see
   * `credentialLiterals.ts`), and a draw balances about once in 4,500 (a seed sweep found one). Nor may it
   * hold a placeholder word (`…$}todoe_d…`), which the report tier reads as a placeholder anywhere in a
   * password (`freshSample`; a seed sweep found one).
   */
  const withoutInterpolation = (draw: () => string): string => {
    for (;;) {
      const v = freshSample(draw);
      if (!v.includes('#{') && !bracketsBalance(v)) {
        return v;
      }
    }
  };
  /** A 37-character password drawn from punctuation and letters with a stray `${` in it and `}}` at its end. */
  const drawn = (): string =>
    withoutInterpolation(() => `q${randomToken(PUNCTUATED, 11)}[\${>${randomToken(PUNCTUATED, 20)}}}`);

  it('reports a double-quoted or backticked value whose marks open no reference', () => {
    for (let i = 0; i < 20; i++) {
      const v = drawn();
      assert.ok(found(`password = "${v}"`), v);
      assert.ok(found(`if (db_pass != "${v}") {`), v);
      assert.ok(found(`if ("${v}" === private_key) {`), v);
      assert.ok(found(`aws_secret_access_key := \`${v}\``), v);
    }
  });

  it('reports a double-quoted value that starts with a dollar sign opening no variable', () => {
    for (let i = 0; i < 20; i++) {
      const v = withoutInterpolation(
        () => `$${randomToken('abcdefghijklmnopqrstuvwxyz', 6)}}${randomToken(PUNCTUATED, 24)}q`,
      );
      assert.ok(found(`secrete "${v}";`), v);
      assert.ok(found(`if ("${v}" === private_key) {`), v);
    }
    assert.ok(!found('password = "$DB_PASSWORD"'));
    assert.ok(!found('password = "$this->password"'));
    assert.ok(!found("password = \"$config['db']['password']\""));
  });

  it('leaves such a value bare or single-quoted, where the brackets may be code', () => {
    const v = 'm{{h}o)p${e]nob(ody[finds>-_$#thisone}}';
    assert.ok(!found(`api_key = '${v}';`));
    assert.ok(!found(`private_key = ${v};`));
    assert.ok(!found(`password => ${v}`));
  });

  it('leaves references from templates of every kind', () => {
    const lines = [
      'password = "${DB_PASSWORD}"',
      'password = "${DB_PASSWORD:-local_dev_only}"',
      'password: ${{ secrets.DB_PASSWORD }}',
      'password: "{{ .Values.db.password | b64enc | quote }}"',
      'db_password = "$(cat /run/secrets/db_password)"',
      "password = \"{{ lookup('env', 'DB_PASSWORD') }}\"",
      'secret_key = "{{ vault_secret_key }}"',
      'password: "{{ $.Values.password }}"',
      'api_key = "${var.api_key}"',
      'password = "%(db_password)s"',
      'password = "{password}"',
      'db_password = "postgres://app:${DB_PASSWORD}@db.internal:5432/app"',
    ];
    for (const line of lines) {
      assert.ok(!found(line), line);
    }
  });
});
