/** Where in an answer a placeholder sits, when that place would carry a restored value off the machine. */
export interface DangerousContext {
  readonly kind: 'url' | 'network' | 'shell';
  /** A few words for the warning: "inside a URL", "in a curl command". */
  readonly where: string;
}

/** A URL token: scheme or `www.` up to whitespace or a quote. */
const URL_START = /(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s"'`<>]*$/i;

/** Calls that send something over the network, by language; group 1 names it. */
const NETWORK_CALL =
  /(?:^|[^\w.])(curl|wget|fetch\s*\(|axios\b|XMLHttpRequest|requests\.\w+|httpx\.\w+|urllib\S*\.urlopen|urlopen\s*\(|http\.(?:get|request|post|Get|Post|NewRequest)\b|https\.(?:get|request)\b|HttpClient|WebClient|Net::HTTP|Invoke-(?:WebRequest|RestMethod)|\biwr\b|\birm\b|\bnc\b|\bncat\b|socket\.connect|sendBeacon|WebSocket)/;

/** Calls that hand a string to a shell. */
const SHELL_CALL =
  /(?:^|[^\w.])(os\.system|subprocess\.\w+|child_process|execSync|exec\s*\(|spawn\s*\(|Runtime\.getRuntime|Process\.Start|`[^`]*\$|\$\()/;

/** A line that reads as a command typed at a shell prompt. */
const SHELL_LINE =
  /^\s*(?:[$>#]\s+|(?:sudo\s+)?(?:curl|wget|nc|ncat|ssh|scp|rsync|echo|printf|export|set|eval|source|bash|sh|zsh|pwsh|powershell|docker|kubectl|git|npm|npx|yarn|pnpm|pip|python3?\s+-c|node\s+-e|gh|aws|az|gcloud)\b)/;

/** How far back a call may open before the line holding the placeholder (a multi-line `fetch(` call). */
const LOOKBACK_LINES = 6;

/**
 * Whether the placeholder at `[start, end)` of `text` sits inside a URL, a network call or a shell command.
 * `shellBlock` says the whole text is shell (a `bash` code block, a `.sh` file): every line is a command.
 * It reads the placeholder's line and the lines of the same statement above it (up to a blank line, at
 * most a few), so `fetch(url, {` ... `headers: { t: '‹…›' }` counts; a false alarm costs a warning only.
 */
export function dangerousContext(
  text: string,
  start: number,
  end: number,
  shellBlock = false,
): DangerousContext | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const line = text.slice(lineStart, lineEnd);
  if (URL_START.test(text.slice(lineStart, start))) {
    return { kind: 'url', where: 'inside a URL' };
  }
  const statement = statementAbove(text, lineStart) + line;
  const call = NETWORK_CALL.exec(statement);
  if (call) {
    const name = call[1]!.replace(/\s*\($/, '');
    return /^(curl|wget|nc|ncat|iwr|irm)$/.test(name)
      ? { kind: 'network', where: `in a ${name} command` }
      : { kind: 'network', where: `in a network call (${name})` };
  }
  const shell = SHELL_CALL.exec(statement);
  if (shell) {
    return { kind: 'shell', where: `in a command run by a shell (${shell[1]!.trim()})` };
  }
  if (shellBlock || SHELL_LINE.test(line) || /\\\s*$/.test(statementAbove(text, lineStart))) {
    return { kind: 'shell', where: 'on a shell command line' };
  }
  return undefined;
}

/** The lines of the statement above `lineStart`: back to a blank line, at most `LOOKBACK_LINES`. */
function statementAbove(text: string, lineStart: number): string {
  let from = lineStart;
  for (let i = 0; i < LOOKBACK_LINES && from > 0; i++) {
    const prev = text.lastIndexOf('\n', from - 2) + 1;
    const line = text.slice(prev, from - 1);
    if (line.trim() === '' || /[;}]\s*$/.test(line)) {
      break; // a statement ended there: what follows is not inside it
    }
    from = prev;
  }
  return text.slice(from, lineStart);
}
