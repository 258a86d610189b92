import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../../core/detect/rule';
import type { FileFinding } from './report';

declare const __VERSION__: string | undefined;

/** The tool's version as SARIF reports it (esbuild may define `__VERSION__`). */
export const TOOL_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.1.0';
const TOOL_NAME = 'secure-gpt';
const INFORMATION_URI = 'https://marketplace.visualstudio.com/items?itemName=secure-gpt-dev.secure-gpt';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`; bump the suffix if its meaning ever changes. */
export const FINGERPRINT_KEY = 'secureGpt/v1';

/** GitHub ranks security alerts by this 0–10 score: a live provider key is high, a generic match medium. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.5', warning: '5.5' };

interface SarifMessage {
  readonly text: string;
  readonly markdown?: string;
}

/** The reporting descriptor for one rule: what GitHub shows beside each alert. */
function descriptor(rule: Rule): object {
  const revoke = rule.revokeUrl
    ? ` revoke or rotate it at ${rule.revokeUrl}.`
    : ' revoke or rotate it with the provider.';
  const helpText =
    `${rule.description}: ${rule.risk}. Treat the key as leaked once it is committed:${revoke} ` +
    'Then load it from an environment variable or a secret store instead of the file. If it is not a ' +
    'real secret, add its fingerprint to .secure-gpt/allowlist.json or put `secure-gpt-ignore` on the line.';
  const revokeMd = rule.revokeUrl
    ? `[revoke or rotate it](${rule.revokeUrl})`
    : 'revoke or rotate it with the provider';
  const helpMarkdown =
    `**${rule.description}**: ${rule.risk}.\n\n` +
    `Treat the key as leaked once it is committed: ${revokeMd}, then load it from an environment ` +
    'variable or a secret store instead of the file.\n\nIf it is not a real secret, add its fingerprint to ' +
    '`.secure-gpt/allowlist.json`, or put `secure-gpt-ignore` in a comment on the line.';
  const help: SarifMessage = { text: helpText, markdown: helpMarkdown };
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}: ${rule.risk}.` },
    help,
    ...(rule.revokeUrl ? { helpUri: rule.revokeUrl } : {}),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ['security', 'secret'],
      precision: rule.severity === 'error' ? 'high' : 'medium',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function toUriReference(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * The `--format sarif` document (SARIF 2.1.0, the subset GitHub code scanning reads). `rules` is the whole
 * catalogue, so `ruleIndex` is stable across runs; `cwd` is where the relative `file` paths start.
 */
export function formatSarif(findings: readonly FileFinding[], rules: readonly Rule[], cwd: string): string {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = findings.map(({ file, finding }) => {
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: finding.severity,
      // No masked preview here: SARIF is uploaded to a server, and the location already says where to look.
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUriReference(file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: finding.startPos.line + 1,
              startColumn: finding.startPos.column + 1,
              endLine: finding.endPos.line + 1,
              endColumn: finding.endPos.column + 1,
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
  });
  const root = pathToFileURL(cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: INFORMATION_URI,
            semanticVersion: TOOL_VERSION,
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
