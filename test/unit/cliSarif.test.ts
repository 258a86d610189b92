import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { builtinRules } from '../../src/core/detect/catalog';
import { fingerprintOf } from '../../src/core/detect/finding';
import { runCliIn as run } from '../support/cliRun';
import { freshToken, leaksNone, makeTree } from './cliSupport';

// The SARIF 2.1.0 schema closes every object (additionalProperties: false). These are the properties it
// allows, and those it requires, for each object this tool emits (OASIS sarif-schema-2.1.0.json), plus
// what GitHub code scanning marks as required in "SARIF support for code scanning".
type Shape = { readonly allowed: readonly string[]; readonly required: readonly string[] };
const shape = (allowed: string, required: string): Shape => ({
  allowed: allowed.split(/\s+/),
  required: required === '' ? [] : required.split(' '),
});
const SHAPES: Readonly<Record<string, Shape>> = {
  sarifLog: shape('$schema version runs inlineExternalProperties properties', '$schema version runs'),
  run: shape(
    `tool invocations conversion language versionControlProvenance originalUriBaseIds artifacts
     logicalLocations graphs results automationDetails runAggregates baselineGuid redactionTokens
     defaultEncoding defaultSourceLanguage newlineSequences columnKind externalPropertyFileReferences
     threadFlowLocations taxonomies addresses translations policies webRequests webResponses
     specialLocations properties`,
    'tool results',
  ),
  tool: shape('driver extensions properties', 'driver'),
  toolComponent: shape(
    `guid name organization product productSuite shortDescription fullDescription fullName version
     semanticVersion dottedQuadFileVersion releaseDateUtc downloadUri informationUri globalMessageStrings
     notifications rules taxa locations language contents isComprehensive localizedDataSemanticVersion
     minimumRequiredLocalizedDataSemanticVersion associatedComponent translationMetadata
     supportedTaxonomies properties`,
    'name rules',
  ),
  reportingDescriptor: shape(
    `id deprecatedIds guid deprecatedGuids name deprecatedNames shortDescription fullDescription
     messageStrings defaultConfiguration helpUri help relationships properties`,
    'id shortDescription fullDescription help',
  ),
  multiformatMessageString: shape('text markdown properties', 'text'),
  reportingConfiguration: shape('enabled level rank parameters properties', ''),
  result: shape(
    `ruleId ruleIndex rule kind level message analysisTarget locations guid correlationGuid occurrenceCount
     partialFingerprints fingerprints stacks codeFlows graphs graphTraversals relatedLocations suppressions
     baselineState rank attachments hostedViewerUri workItemUris provenance fixes taxa webRequest
     webResponse properties`,
    'message locations partialFingerprints',
  ),
  message: shape('text markdown id arguments properties', 'text'),
  location: shape(
    'id physicalLocation logicalLocations message annotations relationships properties',
    'physicalLocation',
  ),
  physicalLocation: shape(
    'address artifactLocation region contextRegion properties',
    'artifactLocation region',
  ),
  artifactLocation: shape('uri uriBaseId index description properties', 'uri'),
  region: shape(
    `startLine startColumn endLine endColumn charOffset charLength byteOffset byteLength snippet message
     sourceLanguage properties`,
    'startLine startColumn endLine endColumn',
  ),
};
const LEVELS = ['none', 'note', 'warning', 'error'];

type Json = Record<string, unknown>;
const obj = (value: unknown, where: string): Json => {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where} is an object`);
  return value as Json;
};
const arr = (value: unknown, where: string): unknown[] => {
  assert.ok(Array.isArray(value), `${where} is an array`);
  return value;
};

/** Checks `value` against a closed shape; required strings must be non-empty (GitHub rejects ""). */
function check(value: unknown, shape: keyof typeof SHAPES, where: string): Json {
  const o = obj(value, where);
  const { allowed, required } = SHAPES[shape]!;
  for (const key of Object.keys(o)) {
    assert.ok(allowed.includes(key), `${where}.${key} is not a ${shape} property`);
  }
  for (const key of required) {
    assert.ok(o[key] !== undefined && o[key] !== '', `${where}.${key} is required`);
  }
  return o;
}

const positiveInt = (value: unknown, where: string): number => {
  assert.ok(Number.isInteger(value) && (value as number) >= 1, `${where} is an integer >= 1`);
  return value as number;
};

describe('secure-gpt scan --format sarif', () => {
  const tokens = [freshToken(), freshToken('ghs'), freshToken()];
  let root = '';
  before(() => {
    root = makeTree({
      '.git/HEAD': 'x',
      'src/app.ts': `const a = "${tokens[0]}";\n`,
      'dir with space/ci.yml': `env:\n  TOKEN: ${tokens[1]}\n  OTHER: ${tokens[2]}\n`,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('emits a SARIF 2.1.0 log that holds the schema and the GitHub code scanning requirements', async () => {
    const r = await run(['scan', '--format', 'sarif'], root);
    assert.equal(r.code, 1);
    assert.ok(leaksNone(tokens, r.stdout, r.stderr));
    const log = check(JSON.parse(r.stdout), 'sarifLog', 'log');
    assert.equal(log['version'], '2.1.0');
    assert.match(String(log['$schema']), /^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
    const runs = arr(log['runs'], 'runs');
    assert.equal(runs.length, 1);
    const run0 = check(runs[0], 'run', 'runs[0]');
    assert.equal(run0['columnKind'], 'utf16CodeUnits');
    const srcRoot = obj(obj(run0['originalUriBaseIds'], 'originalUriBaseIds')['%SRCROOT%'], '%SRCROOT%');
    check(srcRoot, 'artifactLocation', '%SRCROOT%');
    assert.match(String(srcRoot['uri']), /^file:\/\/.*\/$/, 'an absolute file URI ending in /');

    const driver = check(check(run0['tool'], 'tool', 'tool')['driver'], 'toolComponent', 'driver');
    assert.equal(driver['name'], 'secure-gpt');
    assert.doesNotThrow(() => new URL(String(driver['informationUri'])));
    assert.match(String(driver['semanticVersion']), /^\d+\.\d+\.\d+(-[\w.]+)?$/);
    const rules = arr(driver['rules'], 'rules').map((rule, i) =>
      check(rule, 'reportingDescriptor', `rules[${i}]`),
    );
    assert.deepEqual(
      rules.map((rule) => rule['id']),
      builtinRules.map((rule) => rule.id),
    );
    rules.forEach((rule, i) => {
      for (const key of ['shortDescription', 'fullDescription', 'help']) {
        const text = check(rule[key], 'multiformatMessageString', `rules[${i}].${key}`)['text'];
        assert.ok(
          typeof text === 'string' && text.length <= 1024,
          `rules[${i}].${key}.text fits GitHub's limit`,
        );
      }
      const config = check(
        rule['defaultConfiguration'],
        'reportingConfiguration',
        `rules[${i}].defaultConfiguration`,
      );
      assert.ok(LEVELS.includes(String(config['level'])));
      const props = obj(rule['properties'], `rules[${i}].properties`);
      assert.deepEqual(props['tags'], ['security', 'secret']);
      const score = Number(props['security-severity']);
      assert.ok(score > 0 && score <= 10, 'security-severity in (0, 10]');
    });

    const results = arr(run0['results'], 'results').map((res, i) => check(res, 'result', `results[${i}]`));
    assert.equal(results.length, 3);
    const uris: string[] = [];
    results.forEach((res, i) => {
      const index = res['ruleIndex'] as number;
      assert.equal(rules[index]?.['id'], res['ruleId'], 'ruleIndex points at the rule named by ruleId');
      assert.ok(LEVELS.includes(String(res['level'])));
      check(res['message'], 'message', `results[${i}].message`);
      const locations = arr(res['locations'], 'locations');
      assert.ok(locations.length >= 1 && locations.length <= 10);
      const physical = check(
        check(locations[0], 'location', 'location')['physicalLocation'],
        'physicalLocation',
        'physical',
      );
      const artifact = check(physical['artifactLocation'], 'artifactLocation', 'artifactLocation');
      assert.equal(artifact['uriBaseId'], '%SRCROOT%');
      assert.doesNotMatch(String(artifact['uri']), /^[a-z]+:|^\//i, 'a relative URI reference');
      assert.doesNotThrow(() => new URL(String(artifact['uri']), String(srcRoot['uri'])));
      uris.push(String(artifact['uri']));
      const region = check(physical['region'], 'region', 'region');
      const [sl, sc, el, ec] = ['startLine', 'startColumn', 'endLine', 'endColumn'].map((k) =>
        positiveInt(region[k], k),
      );
      assert.ok(el! > sl! || (el === sl && ec! > sc!), 'the region is not empty');
      const fingerprints = obj(res['partialFingerprints'], 'partialFingerprints');
      assert.match(String(fingerprints['secureGpt/v1']), /^[0-9a-f]{64}$/);
    });
    assert.deepEqual(uris, ['dir%20with%20space/ci.yml', 'dir%20with%20space/ci.yml', 'src/app.ts']);
    const regions = results.map((res) => {
      const loc = arr(res['locations'], 'l')[0] as { physicalLocation: { region: Json } };
      return loc.physicalLocation.region;
    });
    assert.deepEqual(regions[1], {
      startLine: 3,
      startColumn: 10,
      endLine: 3,
      endColumn: 10 + tokens[2]!.length,
    });
    assert.equal(obj(results[2]!['partialFingerprints'], 'p')['secureGpt/v1'], fingerprintOf(tokens[0]!));
  });

  it('resolves artifact URIs against %SRCROOT% to the scanned files', async () => {
    const r = await run(['scan', '--format', 'sarif', 'src'], root);
    const log = JSON.parse(r.stdout) as {
      runs: { originalUriBaseIds: Record<string, { uri: string }>; results: Json[] }[];
    };
    const base = log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri;
    const loc = log.runs[0]!.results[0]!['locations'] as {
      physicalLocation: { artifactLocation: { uri: string } };
    }[];
    const resolved = new URL(loc[0]!.physicalLocation.artifactLocation.uri, base).href;
    assert.equal(resolved, pathToFileURL(`${root}/src/app.ts`).href);
  });

  it('is a valid log with an empty results array when nothing is found', async () => {
    const r = await run(['scan', '--format', 'sarif', '--exclude', '*.ts', '--exclude', '*.yml'], root);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    assert.deepEqual(log.runs[0]!.results, []);
  });
});
