import * as assert from 'node:assert/strict';
import { shannonEntropy } from '../entropy';
import { ALNUM, HEX, randomToken } from '../random';
import type { Rule } from '../rule';
import { builtinRules, cloudAndAiRules } from '../catalog';
import { scan } from '../scanner';
import { codeHostRules } from './codeHosts';
import { gitlabRules } from './gitlab';
import { registryRules } from './registries';
import { anyCase, contextRule, freshSample } from './ruleKit';
import { uuid } from './ruleParts';

// Checks on the cloud, AI, code-host and registry rules beyond their own cases (rules.unit.test.ts):
// the engine's contract (keyword near the match start, bounded length) and that no two of these rules
// claim the same span of one another's positives.

const rules: readonly Rule[] = [...cloudAndAiRules, ...gitlabRules, ...codeHostRules, ...registryRules];

interface Span {
  readonly start: number;
  readonly end: number;
  readonly match: string;
}

/** Raw matches of `rule` in `text` that pass its entropy floor and validation (no engine suppression). */
function spans(rule: Rule, text: string): Span[] {
  const re = new RegExp(rule.pattern.source, `gd${rule.pattern.flags.replace(/[^ims]/g, '')}`);
  const out: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [start, end] = m.indices?.groups?.['secret'] ?? m.indices?.[0] ?? [m.index, m.index + m[0].length];
    const secret = text.slice(start, end);
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) {
      continue;
    }
    if (!rule.validate || rule.validate(secret)) {
      out.push({ start, end, match: m[0] });
    }
  }
  return out;
}

/** A context rule for a made-up service: 32 hex characters after one of `words`. */
function demoRule(words: string[], credentialName = false): Rule {
  return contextRule({
    id: 'demo-api-key',
    provider: 'Demo',
    description: 'demo',
    risk: 'demo',
    words,
    value: '[a-f0-9]{32}',
    valueMax: 32,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://demo.invalid',
    ...(credentialName ? { credentialName } : {}),
  });
}
describe('cloud, AI, code-host and registry rules', () => {
  const cases = rules.map((rule) => ({ rule, texts: rule.tests.positives() }));

  it('cover at least 65 rules across 32 providers', () => {
    assert.ok(rules.length >= 65, `${rules.length} rules`);
    assert.ok(new Set(rules.map((r) => r.provider)).size >= 32);
  });

  it('match within maxLength, starting at most 64 characters before a keyword', () => {
    // A finder rule (`Rule.finder`) is run over the whole range, not from keywords, and lists none.
    for (const { rule, texts } of cases.filter((c) => c.rule.finder === undefined)) {
      for (const text of texts) {
        for (const span of spans(rule, text)) {
          assert.ok(span.match.length <= (rule.maxLength ?? 512), `${rule.id}: match longer than maxLength`);
          const lower = span.match.toLowerCase();
          const at = Math.min(...rule.keywords.map((k) => (lower.includes(k) ? lower.indexOf(k) : Infinity)));
          assert.ok(at <= 64, `${rule.id}: no keyword within 64 characters of the match start`);
        }
      }
    }
  });

  it('never fire a second rule of theirs on the span of a positive', () => {
    for (const { rule, texts } of cases) {
      for (const text of texts) {
        const own = spans(rule, text);
        for (const other of rules) {
          if (other === rule) {
            continue;
          }
          const clash = spans(other, text).some((o) => own.some((s) => o.start < s.end && s.start < o.end));
          assert.ok(!clash, `${rule.id} positive also matches ${other.id}`);
        }
      }
    }
  });
});

describe('rule kit', () => {
  it('anyCase matches every letter case and keeps punctuation literal', () => {
    const re = new RegExp(`^${anyCase('x-auth.key')}$`);
    assert.ok(re.test('X-Auth.Key') && re.test('x-auth.key'));
    assert.ok(!re.test('x-authXkey'));
  });

  it('contextRule accepts separators and camelCase in the name, and gives the prefilter each spelling', () => {
    const rule = demoRule(['demo_api_key']);
    assert.deepEqual([...rule.keywords].sort(), [
      'demo-api-key',
      'demo.api.key',
      'demo_api_key',
      'demoapikey',
    ]);
    const value = freshSample(() => randomToken(HEX, 32));
    for (const line of [`DEMO_API_KEY=${value}`, `demoApiKey: "${value}"`, `demo-api-key = '${value}'`]) {
      assert.equal(scan(line, { rules: [rule] }).length, 1, line);
    }
    // A Go type, make's operators, and an XML element's text on the tag's line or alone on the next one;
    // a tag's end without its start, or a blank line between, is not one.
    for (const line of [
      `var demoApiKey string = "${value}"`,
      `DEMO_API_KEY ?= ${value}`,
      `DEMO_API_KEY :::= "${value}"`,
      `<demoApiKey>${value}</demoApiKey>`,
      `<demoApiKey>\n    ${value}\n</demoApiKey>`,
    ]) {
      assert.equal(scan(line, { rules: [rule] }).length, 1, line);
    }
    for (const line of [`demoApiKey> ${value}`, `<demoApiKey>\n\n    ${value}`]) {
      assert.equal(scan(line, { rules: [rule] }).length, 0, line);
    }
  });

  it('contextRule reads a name of two or three words that ends in a credential word', () => {
    const rule = demoRule(['demo'], true);
    const value = freshSample(() => randomToken(HEX, 32));
    // As config notes, logs and tables write them: a spaced dash or a table's bar is the operator.
    for (const line of [
      `demo token = '${value}'`,
      `demo token - '${value}'`,
      `Demo API Key: ${value}`,
      `demo auth token |${value}`,
      `demo_client secret => "${value}"`,
    ]) {
      assert.equal(scan(line, { rules: [rule] }).length, 1, line);
    }
    // A brace initializer, on the line or with the value alone on the next, and a `Bearer` scheme.
    for (const line of [
      `const std::string DemoKey{"${value}"};`,
      `static const std::string DemoKey{\n    "${value}"};`,
      `demo_token: "Bearer ${value}"`,
    ]) {
      const found = scan(line, { rules: [rule] });
      assert.equal(found.length, 1, line);
      assert.equal(line.slice(found[0]!.start, found[0]!.end), value, line);
    }
    // No credential word at the name's end, one word too many, a dash that joins words, a blank line
    // after the brace, or a word that is not a scheme.
    for (const line of [
      `DemoKey{\n\n    "${value}"};`,
      `demo_token: "Bearish ${value}"`,
      `demo is - ${value}`,
      `demo token for the build - ${value}`,
      `demo id = '${value}'`,
      `demo token-${value}`,
      `demo the next token = ${value}`,
    ]) {
      assert.equal(scan(line, { rules: [rule] }).length, 0, line);
    }
  });

  it('contextRule reads a quoted name and a quoted value that a setter or a map takes as a pair', () => {
    const rule = demoRule(['demo']);
    const value = freshSample(() => randomToken(HEX, 32));
    for (const line of [
      `System.setProperty("DEMO_TOKEN", "${value}");`,
      `props.put('demo_api_key', '${value}');`,
      `String key = System.getenv("DEMO_KEY",  "${value}");`,
      `env.set("demo_secret",\`${value}\`)`,
    ]) {
      const found = scan(line, { rules: [rule] });
      assert.equal(found.length, 1, line);
      assert.equal(line.slice(found[0]!.start, found[0]!.end), value, line);
    }
    // The name unquoted, the value unquoted, or a comma that lists names rather than pairs one.
    for (const line of [
      `put(DEMO_TOKEN, "${value}")`,
      `setProperty("DEMO_TOKEN", ${value})`,
      `fields = ["demo_token", "demo_secret"]`,
      `demo_tokens, "${value}"`,
    ]) {
      assert.equal(scan(line, { rules: [rule] }).length, 0, line);
    }
  });

  it('provider rules read the same wide assignments as context rules', () => {
    // Rules that build on assignedTo directly (Mailgun, Coinbase, Postmark): a key in a Maven or .NET
    // settings element, or behind make's operators, is the same key as in `NAME=…`.
    const byId = (id: string): Rule => {
      const rule = builtinRules.find((r) => r.id === id);
      assert.ok(rule, id);
      return rule;
    };
    const cases: readonly (readonly [string, string, () => string])[] = [
      // The `key-` form: Mailgun's `<32>-<8>-<8>` hex keys count anywhere on a line naming Mailgun.
      ['mailgun-api-key', 'mailgunToken', () => `key-${randomToken(HEX, 32)}`],
      ['coinbase-api-secret', 'coinbaseSecret', () => `${randomToken(ALNUM, 20)}7${randomToken(ALNUM, 19)}`],
      ['postmark-server-token', 'postmarkToken', uuid],
    ];
    for (const [id, name, make] of cases) {
      const rule = byId(id);
      const value = freshSample(make);
      for (const line of [
        `${name} = "${value}"`,
        `<${name}>\n    ${value}\n</${name}>`,
        `<${name}>${value}</${name}>`,
        `${name.toUpperCase()} :::= "${value}"`,
        `${name.toUpperCase()} ::= ${value}`,
        `var ${name} string = "${value}"`,
      ]) {
        assert.equal(scan(line, { rules: [rule] }).length, 1, line);
      }
      // A `>` with no opening tag before it, or a blank line inside the element, is no assignment.
      for (const line of [`${name}> ${value}`, `<${name}>\n\n    ${value}`, `${name} => => ${value}`]) {
        assert.equal(scan(line, { rules: [rule] }).length, 0, line);
      }
    }
  });

  it('credentialName asks for a key or token word in a hex value’s name', () => {
    const rule = contextRule({
      id: 'demo-token',
      provider: 'Demo',
      description: 'demo',
      risk: 'demo',
      words: ['demo'],
      value: '[a-f0-9]{40}',
      valueMax: 40,
      make: () => randomToken(HEX, 40),
      revokeUrl: 'https://demo.invalid',
      credentialName: true,
    });
    const value = freshSample(() => randomToken(HEX, 40));
    assert.equal(scan(`DEMO_TOKEN=${value}`, { rules: [rule] }).length, 1);
    assert.equal(scan(`DEMO_BUILD_SHA=${value}`, { rules: [rule] }).length, 0);
    assert.equal(scan(`demo_path_id: ${value}`, { rules: [rule] }).length, 0);
  });

  it('freshSample redraws values that read as placeholders', () => {
    let calls = 0;
    const drawn = freshSample(() => (++calls < 3 ? 'abcXXXXdef' : 'k3J9qLm2'));
    assert.equal(drawn, 'k3J9qLm2');
    assert.equal(calls, 3);
  });
});
