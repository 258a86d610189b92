// Edit -> diagnostics time of the language server for a one-line edit in a 1 MB document, measured over
// stdio on the bundled server (dist/server.js): from sending `didChange` to receiving `publishDiagnostics`.
// Twice: with the server's own quiet time after an edit (what a user feels: a typed edit waits for it, a
// paste does not), and with the debounce set to 0 (the server's own work plus a local pipe round trip).
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
 * Opens a `sizeBytes` document in the server and times `edits` one-line edits (alternately typing a
 * few characters and pasting a line with a key). `debounceMs` is sent in `initializationOptions` when given; absent,
 * the server's default applies. Returns milliseconds: p50, p95, max of all edits, p50/p95 of the typed
 * edits alone, the open's full scan, and a save's full re-scan for comparison.
 */
async function measureLspEdit({
  sizeBytes = 1024 * 1024,
  edits = 200,
  serverJs = path.join(ROOT, 'dist', 'server.js'),
  seed = 7,
  debounceMs,
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
      initializationOptions: debounceMs === undefined ? {} : { debounceMs },
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
    const typedTimes = [];
    for (let i = 0; i < edits; i++) {
      const line = 1 + Math.floor(r() * (doc.lines.length - 2));
      const old = doc.lines[line];
      // A typed edit inserts a few characters at the end of the line (the server debounces it); a paste
      // replaces the line with one holding a key (the server scans it at once).
      const typed = i % 2 === 0;
      const text = typed ? ` //${i}` : `  const pasted${i} = "${doc.makeKey()}";`;
      const range = typed
        ? { start: { line, character: old.length }, end: { line, character: old.length } }
        : { start: { line, character: 0 }, end: { line, character: old.length } };
      doc.lines[line] = typed ? old + text : text;
      published = lsp.diagnostics(uri);
      t = performance.now();
      lsp.notify('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range, text }],
      });
      await published;
      times.push(performance.now() - t);
      if (i % 2 === 0) typedTimes.push(times[times.length - 1]);
    }
    published = lsp.diagnostics(uri);
    t = performance.now();
    lsp.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await published;
    const saveMs = performance.now() - t;
    times.sort((a, b) => a - b);
    typedTimes.sort((a, b) => a - b);
    return {
      bytes: Buffer.byteLength(doc.text),
      lines: doc.lines.length,
      edits,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times[times.length - 1],
      typedP50: percentile(typedTimes, 50),
      typedP95: percentile(typedTimes, 95),
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
  const edits = quick ? 60 : 200;
  const felt = await measureLspEdit({ edits });
  const alone = await measureLspEdit({ edits, debounceMs: 0 });
  console.log(
    `document: ${fmt(felt.bytes / 1048576, 2)} MB, ${felt.lines} lines; ${felt.edits} edits (half of them paste a key)`,
  );
  console.log(
    `with the server's debounce: p50 ${fmt(felt.p50, 2)} ms, p95 ${fmt(felt.p95, 2)} ms, max ${fmt(felt.max, 2)} ms; ` +
      `typed edits alone p50 ${fmt(felt.typedP50, 2)} ms, p95 ${fmt(felt.typedP95, 2)} ms`,
  );
  console.log(
    `server alone (debounce 0): p50 ${fmt(alone.p50, 2)} ms, p95 ${fmt(alone.p95, 2)} ms, max ${fmt(alone.max, 2)} ms`,
  );
  console.log(`for comparison, full scans: open ${fmt(alone.openMs, 1)} ms, save ${fmt(alone.saveMs, 1)} ms`);
  console.log(`findings: ${felt.findingsAtOpen} at open, ${felt.findingsAtEnd} after the edits`);
  console.log(
    `target p95 <= 50 ms, debounce included (typed edits, which wait for it): ${fmt(felt.typedP95, 2)} ms -> ${verdict(felt.typedP95 <= 50)}`,
  );
}

module.exports = { measureLspEdit, report };

if (require.main === module) {
  require('./reporting').runAlone(report, false);
}
