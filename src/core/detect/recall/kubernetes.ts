import { isPlaceholder, isReference } from '../rules/valueChecks';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

// Kubernetes credentials the report tier judges only as a whole (its `kubernetes-secret` rule needs a
// plausible value and stops after 16 lines) or not at all (kubeconfig users). Here every value goes:
// a Secret's `data:` (base64) and `stringData:` entries, in YAML or JSON, and a kubeconfig user's key,
// token and password. `client-certificate-data` is a public certificate and stays readable.

const KUBECONFIG_USER = /^users:[ \t]*$/m;
/** kubeconfig fields that hold a credential; `client-key-data` is one wherever it appears. */
const USER_FIELD =
  /^[ \t]{0,40}(?:- )?(client-key-data|client-key|token|password|id-token|refresh-token|client-secret)[ \t]{0,4}:[ \t]{0,4}["']?([^\s"'#]{1,16384})/gm;
const KIND_SECRET_YAML = /^[ \t]{0,8}(?:- )?kind:[ \t]{0,4}["']?Secret["']?[ \t]*(?:#.*)?$/m;
/** A top-level `apiVersion:` (also at the start of a quoted line, as in a manifest held in a string). */
const OBJECT_START = /^[ \t'"`]{0,8}apiVersion:/;
const KIND_SECRET_JSON = /"kind"[ \t]{0,4}:[ \t]{0,4}"Secret"/;
const JSON_BLOCK = /"(?:data|stringData)"[ \t\r\n]{0,20}:[ \t\r\n]{0,20}\{/g;
const JSON_ENTRY =
  /[ \t\r\n]{0,200}"[^"\\\r\n]{1,253}"[ \t\r\n]{0,20}:[ \t\r\n]{0,20}"([^"\\\r\n]{0,16384})"[ \t\r\n]{0,20},?/y;

/** A value that names something held elsewhere, or says it was left out, is not hidden. */
function isValue(value: string): boolean {
  return (
    value.length > 0 &&
    value !== 'DATA+OMITTED' &&
    value !== 'REDACTED' &&
    !isReference(value) &&
    !isPlaceholder(value) &&
    !value.startsWith('{{')
  );
}

function kubeconfigFields(text: string, out: RecallSpan[]): void {
  const isKubeconfig = KUBECONFIG_USER.test(text);
  for (const m of text.matchAll(USER_FIELD)) {
    const field = m[1]!;
    if (field !== 'client-key-data' && !isKubeconfig) {
      continue;
    }
    const value = m[2]!;
    if (isValue(value)) {
      const start = m.index + m[0].length - value.length;
      const kind = field.startsWith('client-key')
        ? 'private-key'
        : field === 'password'
          ? 'password'
          : 'token';
      out.push({ start, end: start + value.length, kind });
    }
  }
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** Every entry value under `data:` / `stringData:` in the YAML documents that are Secrets. */
function yamlSecretValues(text: string, out: RecallSpan[]): void {
  const lines = text.split('\n');
  let offset = 0;
  let docStart = 0; // line index
  let docOffset = 0;
  // A document ends at `---`, or where a top-level `apiVersion:` starts the next object of a pasted
  // selection: a ConfigMap after a Secret keeps its values.
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const separator = line !== undefined && line.startsWith('---');
    if (line === undefined || separator || (i > docStart && OBJECT_START.test(line))) {
      const doc = lines.slice(docStart, i);
      if (KIND_SECRET_YAML.test(doc.join('\n'))) {
        secretDocument(doc, docOffset, out);
      }
      docStart = separator ? i + 1 : i;
      docOffset = separator ? offset + line.length + 1 : offset;
    }
    offset += (line?.length ?? 0) + 1;
  }
}

function secretDocument(lines: readonly string[], offset: number, out: RecallSpan[]): void {
  let blockIndent = -1; // indentation of the current `data:` line, -1 outside a block
  let scalarIndent = -1; // indentation of an entry whose value is a block scalar (`key: |`)
  let at = offset;
  for (const line of lines) {
    const indent = indentOf(line);
    const blank = line.trim() === '';
    if (!blank && blockIndent >= 0 && indent <= blockIndent) {
      blockIndent = -1;
      scalarIndent = -1;
    }
    if (blockIndent < 0) {
      const m = /^([ \t]*)(?:data|stringData):[ \t]*(?:#.*)?\r?$/.exec(line);
      if (m) {
        blockIndent = m[1]!.length;
      }
    } else if (!blank) {
      if (scalarIndent >= 0 && indent > scalarIndent) {
        const end = at + line.replace(/\s+$/, '').length;
        out.push({ start: at + indent, end, kind: 'kubernetes-secret' });
      } else {
        scalarIndent = -1;
        const m = /^[ \t]*[\w.-]{1,253}:[ \t]*(.*?)[ \t]*\r?$/.exec(line);
        const raw = m ? m[1]! : '';
        if (/^[|>][-+]?$/.test(raw)) {
          scalarIndent = indent;
        } else {
          const value = raw.replace(/^(["'])(.*)\1$/, '$2');
          if (isValue(value)) {
            const start = at + line.indexOf(value, line.indexOf(':') + 1);
            out.push({ start, end: start + value.length, kind: 'kubernetes-secret' });
          }
        }
      }
    }
    at += line.length + 1;
  }
}

function jsonSecretValues(text: string, out: RecallSpan[]): void {
  if (!KIND_SECRET_JSON.test(text)) {
    return;
  }
  for (const block of text.matchAll(JSON_BLOCK)) {
    JSON_ENTRY.lastIndex = block.index + block[0].length;
    for (let m = JSON_ENTRY.exec(text); m; m = JSON_ENTRY.exec(text)) {
      const value = m[1]!;
      if (isValue(value)) {
        const start = m.index + m[0].lastIndexOf(`"${value}"`) + 1;
        out.push({ start, end: start + value.length, kind: 'kubernetes-secret' });
      }
    }
  }
}

/** The redact tier's detector of Kubernetes Secret values and kubeconfig credentials. */
/**
 * The kubeconfig words, for the tier's shared word search first: `includes` of a word led by a frequent
 * letter read 100 KB of code in 20-45 µs, where the shared search has answered already.
 */
const KUBECONFIG_WORDS = wordSet(['client-key', 'users:']);

export const kubernetesDetector: RecallDetector = (text, out) => {
  if (holdsWord(text, KUBECONFIG_WORDS) && (text.includes('client-key') || text.includes('users:'))) {
    kubeconfigFields(text, out);
  }
  if (text.includes('Secret')) {
    yamlSecretValues(text, out);
    jsonSecretValues(text, out);
  }
};
