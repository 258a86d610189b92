import type { FileFinding } from './report';

/** One finding in the JSON report; lines and columns are 1-based, the end column is exclusive. */
export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly fingerprint: string;
}

/** The `--format json` document: `{ "findings": [...] }`, never holding a secret. */
export function formatJson(findings: readonly FileFinding[]): string {
  const out: JsonFinding[] = findings.map(({ file, finding }) => ({
    file,
    line: finding.startPos.line + 1,
    column: finding.startPos.column + 1,
    endLine: finding.endPos.line + 1,
    endColumn: finding.endPos.column + 1,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    fingerprint: finding.fingerprint,
  }));
  return `${JSON.stringify({ findings: out }, null, 2)}\n`;
}
