// Outgoing pipeline: redaction time for a 100 KB selection, and time to first token through the whole
// pipeline against the raw SDK, both against the loopback test server. Figures only; nothing fails on a
// timing. Needs the compiled tests (`npm run compile-tests`): it loads out/.
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const load = (p) => require(path.join(ROOT, 'out', p));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** About `bytes` of ordinary TypeScript with a few generated tokens in it, like a large selection. */
function selection(bytes, tokens) {
  const lines = [
    'export function total(items: readonly Item[]): number {',
    '  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);',
    '}',
    "const endpoint = 'https://api.example.com/v1/orders';",
    '// Keep the retry budget small: the caller shows a spinner meanwhile.',
    'for (const order of orders) { if (order.status === "open") { queue.push(order.id); } }',
  ];
  let out = '';
  let i = 0;
  while (out.length < bytes) {
    out += lines[i % lines.length] + '\n';
    if (i % 400 === 200 && tokens.length > 0) {
      out += `const token = "${tokens[(i / 400) | 0] ?? tokens[0]}";\n`;
    }
    i++;
  }
  return out.slice(0, bytes);
}

/**
 * About `bytes` of real code nobody here wrote: the openai SDK's own JavaScript (a dependency, so in every
 * install), its files in path order. Code as written holds what the generated selection does not: escapes,
 * joined strings, `auth`, `token` and `key` on many lines.
 */
function vendorCode(bytes) {
  const fs = require('node:fs');
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.js') && !e.name.endsWith('.min.js')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'node_modules', 'openai'));
  let out = '';
  for (const f of files.sort()) {
    out += fs.readFileSync(f, 'utf8');
    if (out.length >= bytes) break;
  }
  return out.slice(0, bytes);
}

/**
 * Redaction of a 100 KB selection: `redactText` alone, and the whole prepare step. `code`: the text to
 * redact instead of the generated selection (its tokens are the selection's own).
 */
function benchRedaction(runs = 50, code = undefined) {
  const { githubToken } = load('src/core/detect/checksum.js');
  const { ALNUM, randomToken } = load('src/core/detect/random.js');
  const { redactText } = load('src/core/pipeline/redact.js');
  const { RedactionMap } = load('src/core/pipeline/redactionMap.js');
  const { prepareRequest } = load('src/core/pipeline/prepare.js');
  const { Conversation } = load('src/core/pipeline/conversation.js');
  const tokens = Array.from({ length: 5 }, () => githubToken('ghp', randomToken(ALNUM, 30)));
  const text = code ?? selection(100 * 1024, tokens);
  const known = [{ kind: 'api-key', value: `sk-bench-${randomToken(ALNUM, 40)}` }];
  const redactMs = [];
  const prepareMs = [];
  let found = 0;
  let hidden = 0;
  let outcome = '';
  for (let r = 0; r < runs + 5; r++) {
    const t0 = performance.now();
    const { redactions } = redactText(text, new RedactionMap(), { known });
    found = new Set(redactions.map((x) => x.placeholder)).size;
    hidden = redactions.length;
    const t1 = performance.now();
    const prepared = prepareRequest(
      new Conversation(),
      { prompt: 'Review this.', model: 'gpt-4o-mini', attachments: [{ path: 'src/orders.ts', text }] },
      { known },
      [known[0].value],
    );
    const t2 = performance.now();
    // A refused request would time a shorter path than the one a user waits on: the figure must be a sent one.
    outcome = prepared.kind === 'ready' ? 'ready to send' : `${prepared.kind}: ${prepared.message ?? ''}`;
    if (r >= 5) {
      redactMs.push(t1 - t0);
      prepareMs.push(t2 - t1);
    }
  }
  return {
    kb: text.length / 1024,
    found,
    hidden,
    outcome,
    redactMs: median(redactMs),
    prepareMs: median(prepareMs),
  };
}

/**
 * Redaction of hostile text: the bench's line of distinct bot tokens (every token a secret, thousands of
 * distinct values to hide at every place), at 256 KB and at 1 MB. Linear time keeps the per-byte cost of
 * the larger near the smaller's; searching each value over the whole text made it grow with the length.
 */
function benchHostileRedaction(runs = 3) {
  const { redactText } = load('src/core/pipeline/redact.js');
  const { RedactionMap } = load('src/core/pipeline/redactionMap.js');
  const { pathologicalInputs } = require('./pathological');
  const line = pathologicalInputs()['one line of distinct bot-token-shaped runs'];
  const quarter = line.slice(0, line.lastIndexOf(' ', line.length / 4));
  const { prepareRequest } = load('src/core/pipeline/prepare.js');
  const { Conversation } = load('src/core/pipeline/conversation.js');
  const time = (text, run) => {
    const ms = [];
    for (let r = 0; r < runs + 1; r++) {
      const t0 = performance.now();
      run(text);
      if (r > 0) {
        ms.push(performance.now() - t0);
      }
    }
    return median(ms);
  };
  // The whole prepare step a user waits on: redaction, the redo of parts a hidden value is left in, the guard.
  const prepare = (text) =>
    prepareRequest(
      new Conversation(),
      { prompt: 'Review this.', model: 'gpt-4o-mini', attachments: [{ path: 'src/tokens.txt', text }] },
      {},
      [],
    );
  const small = time(quarter, (t) => redactText(t, new RedactionMap()));
  const large = time(line, (t) => redactText(t, new RedactionMap()));
  const smallPrepare = time(quarter, prepare);
  const largePrepare = time(line, prepare);
  return {
    smallKb: quarter.length / 1024,
    largeKb: line.length / 1024,
    small,
    large,
    smallPrepare,
    largePrepare,
  };
}

/** Time to first token: raw SDK vs the pipeline (redaction, guard, hash, provider), same server. */
async function benchFirstToken(runs = 30) {
  const { OpenAI } = require(path.join(ROOT, 'node_modules', 'openai'));
  const { FakeOpenAi } = load('test/support/fakeOpenAi.js');
  const { Pipeline } = load('src/core/pipeline/pipeline.js');
  const { Conversation } = load('src/core/pipeline/conversation.js');
  const { createOpenAiProvider } = load('src/core/openai/openaiProvider.js');
  const { ALNUM, randomToken } = load('src/core/detect/random.js');
  const server = await new FakeOpenAi().start();
  const apiKey = `sk-bench-${randomToken(ALNUM, 40)}`;
  const text = selection(2 * 1024, []);
  const prompt = 'Explain this function.';
  const messages = [{ role: 'user', content: `${prompt}\n\nsrc/orders.ts:\n\`\`\`ts\n${text}\n\`\`\`` }];
  try {
    const client = new OpenAI({ apiKey, baseURL: server.url, maxRetries: 0 });
    const raw = async () => {
      const t0 = performance.now();
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      let first;
      for await (const chunk of stream) {
        if (first === undefined && chunk.choices[0]?.delta?.content) {
          first = performance.now() - t0;
        }
      }
      return first;
    };
    const provider = createOpenAiProvider(
      { kind: 'compatible', apiKey, baseUrl: server.url },
      { maxRetries: 0 },
    );
    const pipeline = new Pipeline({}, { beforeSend: () => Promise.resolve(), onRecord: () => undefined });
    const piped = async () => {
      const t0 = performance.now();
      let first;
      await pipeline.run(
        new Conversation(),
        { prompt, model: 'gpt-4o-mini', attachments: [{ path: 'src/orders.ts', text, language: 'ts' }] },
        provider,
        {
          onDelta: () => {
            first ??= performance.now() - t0;
          },
        },
      );
      return first;
    };
    const rawMs = [];
    const pipeMs = [];
    for (let i = 0; i < 5; i++) {
      await raw();
      await piped();
    }
    // Alternate, so drift on a shared machine lands on both sides alike.
    for (let i = 0; i < runs; i++) {
      rawMs.push(await raw());
      pipeMs.push(await piped());
    }
    return { rawMs: median(rawMs), pipeMs: median(pipeMs) };
  } finally {
    await server.stop();
  }
}

/** The bench section, called by run.js. */
async function report({ section, fmt, verdict, quick }) {
  section('Outgoing pipeline (redaction, time to first token)');
  const r = benchRedaction(quick ? 20 : 50);
  console.log(
    `redact a ${fmt(r.kb, 0)} KB selection (${r.found} distinct values hidden, ${r.hidden} places): ` +
      `${fmt(r.redactMs, 2)} ms; ` +
      `whole prepare (exclude, redact, payload, guard, sha256): ${fmt(r.prepareMs, 2)} ms (${r.outcome})`,
  );
  console.log(`whole prepare measured a request ready to send: ${verdict(r.outcome === 'ready to send')}`);
  console.log(`target <= 5 ms: ${fmt(r.redactMs, 2)} ms -> ${verdict(r.redactMs <= 5)}`);
  const v = benchRedaction(quick ? 10 : 30, vendorCode(100 * 1024));
  console.log(
    `redact ${fmt(v.kb, 0)} KB of real code (the openai SDK's JavaScript, ${v.hidden} places hidden): ` +
      `${fmt(v.redactMs, 2)} ms, ${fmt(v.redactMs / r.redactMs, 1)}x the generated selection; ` +
      `whole prepare ${fmt(v.prepareMs, 2)} ms (${v.outcome}); no target: what code as written costs`,
  );
  const h = benchHostileRedaction(quick ? 1 : 3);
  const perByte = h.large / h.largeKb / (h.small / h.smallKb);
  console.log(
    `redact a line of distinct bot tokens (hostile): ${fmt(h.smallKb, 0)} KB ${fmt(h.small, 0)} ms, ` +
      `${fmt(h.largeKb, 0)} KB ${fmt(h.large, 0)} ms; per byte the larger costs ${fmt(perByte, 2)}x the smaller`,
  );
  const prepareByte = h.largePrepare / h.largeKb / (h.smallPrepare / h.smallKb);
  console.log(
    `whole prepare of the same as an attachment: ${fmt(h.smallKb, 0)} KB ${fmt(h.smallPrepare, 0)} ms, ` +
      `${fmt(h.largeKb, 0)} KB ${fmt(h.largePrepare, 0)} ms; per byte ${fmt(prepareByte, 2)}x`,
  );
  const worstByte = Math.max(perByte, prepareByte);
  console.log(`target linear time, per byte <= 1.5x: ${fmt(worstByte, 2)}x -> ${verdict(worstByte <= 1.5)}`);
  const t = await benchFirstToken(quick ? 15 : 30);
  const delta = t.pipeMs - t.rawMs;
  console.log(
    `time to first token, loopback server: raw SDK ${fmt(t.rawMs, 2)} ms, pipeline ${fmt(t.pipeMs, 2)} ms ` +
      `(+${fmt(delta, 2)} ms)`,
  );
  console.log(`target within 5 ms of the raw SDK: ${verdict(delta <= 5)}`);
}

module.exports = { report, benchRedaction, benchFirstToken };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
