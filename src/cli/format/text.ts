import { formatBytes } from '../args';
import type { FileFinding, ScanStats } from './report';

/** One line per finding: `path:line:col  severity  ruleId  message  (preview)`; the preview is masked. */
export function formatTextLine({ file, finding }: FileFinding): string {
  const where = `${file}:${finding.startPos.line + 1}:${finding.startPos.column + 1}`;
  return `${where}  ${finding.severity}  ${finding.ruleId}  ${finding.message}  (${finding.preview})\n`;
}

/** The closing summary: what was found and what was scanned or skipped. */
export function formatTextSummary(findings: readonly FileFinding[], stats: ScanStats): string {
  const files = new Set(findings.map((f) => f.file)).size;
  const head =
    findings.length === 0
      ? 'No secrets found'
      : `${plural(findings.length, 'finding')} in ${plural(files, 'file')}`;
  const skipped: string[] = [];
  if (stats.binary > 0) {
    skipped.push(`${stats.binary} binary`);
  }
  if (stats.tooLarge > 0) {
    skipped.push(`${stats.tooLarge} over --max-file-size`);
  }
  if (stats.errors > 0) {
    skipped.push(`${plural(stats.errors, 'error')}`);
  }
  const tail = skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : '';
  const scanned = `${plural(stats.files, 'file')}, ${formatBytes(stats.bytes)} in ${stats.seconds.toFixed(2)} s`;
  return `${head} (scanned ${scanned}${tail}).\n`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
