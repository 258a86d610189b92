// Edit -> diagnostics time of the language server for a one-line edit in a 1 MB document, measured over
// stdio on the bundled server (dist/server.js) with the debounce set to 0, so the figure is the server's
// own work plus a local pipe round trip: from sending `didChange` to receiving `publishDiagnostics`.
// `npm run bench` calls `report`; `node test/bench/lspEdit.js` prints the figures alone.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');
const { rng } = require('./generate');

const ROOT = path.resolve(__dirname, '..', '..');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A GitHub-shaped token with a valid checksum, built at run time (the repo stores none). */
function fakeGithubToken(random) {
  let v = crc32(random);
  let sum = '';
  while (v > 0) {
    sum = BASE62[v % 62] + sum;
    v = Math.floor(v / 62);
  }
  return ['ghp', random + sum.padStart(6, '0')].join('_');
}

/** About `bytes` of TypeScript-looking lines, with a generated key every ~2000 lines. */
function makeDocument(bytes, r) {
  const words =
    'user account order item request handler service client config value result token session cache'.split(
      ' ',
    );
  const pick = () => words[Math.floor(r() * words.length)];
  const rand = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(r() * ALNUM.length)]).join('');
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const n = lines.length;
    const line =
      n % 2000 === 1000
        ? `  const ${pick()}Token = "${fakeGithubToken(rand(30))}";`
        : n % 7 === 0
          ? `export function ${pick()}${n}(${pick()}: string, ${pick()}: number): Promise<void> {`
          : n % 7 === 6
            ? '}'
            : `  const ${pick()}${n} = await this.${pick()}.${pick()}(${pick()}, { retries: ${n % 10}, timeoutMs: ${n % 1000} });`;
    lines.push(line);
    size += line.length + 1;
  }
  return { lines, text: lines.join('\n') + '\n', makeKey: () => fakeGithubToken(rand(30)) };
}

/** Minimal LSP framing over the child's stdio: enough to send notifications and await diagnostics. */
function connect(child) {
  let buffer = Buffer.alloc(0);
  const listeners = [];
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      for (const l of [...listeners]) l(message);
    }
  });
  let id = 0;
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const next = (accept) =>
    new Promise((resolve) => {
      const l = (m) => {
        if (accept(m)) {
          listeners.splice(listeners.indexOf(l), 1);
          resolve(m);
        }
      };
      listeners.push(l);
    });
  return {
    notify: (method, params) => send({ method, params }),
    request: (method, params) => {
      const myId = ++id;
      const reply = next((m) => m.id === myId && !m.method);
      send({ id: myId, method, params });
      return reply;
    },
    diagnostics: (uri) => next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri),
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Opens a `sizeBytes` document in the server and times `edits` one-line edits (alternately retyping a
 * line and pasting a line with a key). Returns milliseconds: p50, p95, max of the edits, the open's full
 * scan, and a save's full re-scan for comparison.
 */
async function measureLspEdit({
  sizeBytes = 1024 * 1024,
  edits = 200,
  serverJs = path.join(ROOT, 'dist', 'server.js'),
  seed = 7,
} = {}) {
  const r = rng(seed);
  const doc = makeDocument(sizeBytes, r);
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lsp = connect(child);
  try {
    await lsp.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    lsp.notify('initialized', {});
    const uri = pathToFileURL(path.join(ROOT, 'bench-1mb.ts')).href;
    let t = performance.now();
    let published = lsp.diagnostics(uri);
    lsp.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: doc.text },
    });
    const opened = await published;
    const openMs = performance.now() - t;
    const times = [];
    for (let i = 0; i < edits; i++) {
      const line = 1 + Math.floor(r() * (doc.lines.length - 2));
      const old = doc.lines[line];
      const text = i % 2 === 0 ? `${old} // edited ${i}` : `  const pasted${i} = "${doc.makeKey()}";`;
      doc.lines[line] = text;
      published = lsp.diagnostics(uri);
      t = performance.now();
      lsp.notify('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [
          { range: { start: { line, character: 0 }, end: { line, character: old.length } }, text },
        ],
      });
      await published;
      times.push(performance.now() - t);
    }
    published = lsp.diagnostics(uri);
    t = performance.now();
    lsp.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await published;
    const saveMs = performance.now() - t;
    times.sort((a, b) => a - b);
    return {
      bytes: Buffer.byteLength(doc.text),
      lines: doc.lines.length,
      edits,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      openMs,
      saveMs,
      findingsAtOpen: opened.params.diagnostics.length,
      findingsAtEnd: saved.params.diagnostics.length,
    };
  } finally {
    await lsp.request('shutdown', null).catch(() => undefined);
    lsp.notify('exit', null);
  }
}

/** The `npm run bench` section. */
async function report({ section, fmt, verdict, quick }) {
  section('Language server: edit -> diagnostics (one-line edit, 1 MB document)');
  const m = await measureLspEdit({ edits: quick ? 60 : 200 });
  console.log(
    `document: ${fmt(m.bytes / 1048576, 2)} MB, ${m.lines} lines; ${m.edits} edits (half of them paste a key)`,
  );
  console.log(
    `edit -> diagnostics: p50 ${fmt(m.p50, 2)} ms, p95 ${fmt(m.p95, 2)} ms, max ${fmt(m.max, 2)} ms`,
  );
  console.log(`for comparison, full scans: open ${fmt(m.openMs, 1)} ms, save ${fmt(m.saveMs, 1)} ms`);
  console.log(`findings: ${m.findingsAtOpen} at open, ${m.findingsAtEnd} after the edits`);
  console.log(`target p95 <= 50 ms: ${fmt(m.p95, 2)} ms -> ${verdict(m.p95 <= 50)}`);
}

module.exports = { measureLspEdit, report };

if (require.main === module) {
  require('./reporting').runAlone(report, false);
}
