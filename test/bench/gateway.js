// Local gateway (`secure-gpt proxy`): the time it adds to the first token against a direct SDK call to
// the same loopback server, and 50 concurrent streams through it, each checked for a dropped or changed
// chunk. Figures only; nothing fails on a timing. Needs dist/ (`npm run build`) and the compiled tests (out/).
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const load = (p) => require(path.join(ROOT, 'out', p));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Starts `secure-gpt proxy` from dist/ as its own process (as users run it: its own event loop, the audit
 * log written, the whole pipeline on) in front of the loopback server, with the limits off so that the
 * client-side rate limit does not queue the bench.
 */
async function withGateway(run) {
  const fs = require('node:fs');
  const os = require('node:os');
  const { spawn } = require('node:child_process');
  const { OpenAI } = require(path.join(ROOT, 'node_modules', 'openai'));
  const { FakeOpenAi } = load('test/support/fakeOpenAi.js');
  const { ALNUM, randomToken } = load('src/core/detect/random.js');
  const server = await new FakeOpenAi().start();
  const apiKey = `sk-bench-${randomToken(ALNUM, 40)}`;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sgpt-bench-gw-'));
  const config = path.join(home, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ 'limits.requestsPerMinute': 0, 'limits.tokensPerMinute': 0 }));
  const env = { OPENAI_API_KEY: apiKey, HOME: home, XDG_STATE_HOME: home, SECURE_GPT_CONFIG: config };
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli, 'proxy', '--base-url', server.url], {
    cwd: home,
    env,
    stdio: 'pipe',
  });
  child.stderr.resume();
  const floor = spawn(process.execPath, [path.join(__dirname, 'passThrough.js'), server.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const first = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) {
          resolve(out.slice(0, out.indexOf('\n')));
        }
      });
      child.on('exit', (code) => reject(new Error(`secure-gpt proxy exited ${code}`)));
    });
    const { url, token } = JSON.parse(first);
    const port = await new Promise((resolve) =>
      floor.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    return await run({
      server,
      direct: new OpenAI({ apiKey, baseURL: server.url, maxRetries: 0 }),
      viaGateway: new OpenAI({ apiKey: token, baseURL: url, maxRetries: 0 }),
      viaPassThrough: new OpenAI({ apiKey: 'none', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }),
    });
  } finally {
    floor.kill('SIGTERM');
    // Wait for the exit: the gateway may still be appending its last audit record to the directory removed below.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Streams one answer to `content` (a prompt, or a whole history); returns the time to its first content and the pieces. */
async function streamOnce(client, content) {
  const t0 = performance.now();
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    stream: true,
    messages: typeof content === 'string' ? [{ role: 'user', content }] : content,
  });
  let first;
  const pieces = [];
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta?.content;
    if (piece) {
      first ??= performance.now() - t0;
      pieces.push(piece);
    }
  }
  return { first, pieces };
}

/**
 * An agent's request: a long system prompt and earlier turns resent whole, with the new question last (about
 * 40 KB, as Cline or Continue send). The gateway redacts it all at each request unless it remembers.
 */
function agentHistory() {
  const code = 'export function total(items) {\n  return items.reduce((s, i) => s + i.price, 0);\n}\n';
  const messages = [
    { role: 'system', content: `You are a coding agent. Tools:\n${'- read_file(path): text\n'.repeat(400)}` },
  ];
  for (let turn = 0; turn < 8; turn++) {
    messages.push({ role: 'user', content: `Step ${turn}: look at this.\n${code.repeat(30)}` });
    messages.push({
      role: 'assistant',
      content: `Step ${turn} done. ${'The function sums prices. '.repeat(20)}`,
    });
  }
  messages.push({ role: 'user', content: 'Now explain total().' });
  return messages;
}

async function benchFirstToken(runs, history = false) {
  return withGateway(async ({ direct, viaGateway, viaPassThrough }) => {
    const prompt = history
      ? agentHistory()
      : `Explain this function.\n\n${'const total = items.reduce((s, i) => s + i.price, 0);\n'.repeat(40)}`;
    for (let i = 0; i < 5; i++) {
      await streamOnce(direct, prompt);
      await streamOnce(viaGateway, prompt);
      await streamOnce(viaPassThrough, prompt);
    }
    const directMs = [];
    const gatewayMs = [];
    const floorMs = [];
    // Alternate, so drift on a shared machine lands on all three alike.
    for (let i = 0; i < runs; i++) {
      directMs.push((await streamOnce(direct, prompt)).first);
      gatewayMs.push((await streamOnce(viaGateway, prompt)).first);
      floorMs.push((await streamOnce(viaPassThrough, prompt)).first);
    }
    return { directMs: median(directMs), gatewayMs: median(gatewayMs), floorMs: median(floorMs) };
  });
}

async function benchConcurrent(streams, words) {
  return withGateway(async ({ server, viaGateway }) => {
    const text = Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
    server.enqueue({ kind: 'ok', text, chunkDelayMs: 1 }, { times: streams });
    const t0 = performance.now();
    const results = await Promise.all(
      Array.from({ length: streams }, () =>
        streamOnce(viaGateway, 'count to many').catch((e) => ({ error: e })),
      ),
    );
    const ms = performance.now() - t0;
    const whole = results.filter((r) => !r.error && r.pieces.join('') === text).length;
    const chunks = results.reduce((n, r) => n + (r.pieces ? r.pieces.length : 0), 0);
    return {
      streams,
      whole,
      failed: results.filter((r) => r.error).length,
      chunks,
      expected: streams * words,
      ms,
    };
  });
}

/** The bench section, called by run.js. */
async function report({ section, fmt, verdict, quick }) {
  section('Local gateway (secure-gpt proxy)');
  const t = await benchFirstToken(quick ? 15 : 40);
  const delta = t.gatewayMs - t.directMs;
  console.log(
    `time to first token, loopback server: direct SDK ${fmt(t.directMs, 2)} ms, through the gateway ` +
      `${fmt(t.gatewayMs, 2)} ms (+${fmt(delta, 2)} ms); a bare pass-through proxy (the hop alone) ` +
      `${fmt(t.floorMs, 2)} ms (+${fmt(t.floorMs - t.directMs, 2)} ms)`,
  );
  console.log(`target gateway adds <= 5 ms: ${verdict(delta <= 5)}`);
  const h = await benchFirstToken(quick ? 15 : 40, true);
  console.log(
    `time to first token, an agent's ${fmt(JSON.stringify(agentHistory()).length / 1024, 0)} KB history resent: ` +
      `direct SDK ${fmt(h.directMs, 2)} ms, through the gateway ${fmt(h.gatewayMs, 2)} ms (+${fmt(h.gatewayMs - h.directMs, 2)} ms), ` +
      `pass-through ${fmt(h.floorMs, 2)} ms (+${fmt(h.floorMs - h.directMs, 2)} ms)`,
  );
  const c = await benchConcurrent(50, quick ? 100 : 300);
  console.log(
    `${c.streams} concurrent streams: ${c.whole} arrived whole, ${c.failed} failed; ${c.chunks} of ` +
      `${c.expected} content chunks in ${fmt(c.ms, 0)} ms`,
  );
  console.log(
    `target 50 streams, no dropped chunk: ${verdict(c.whole === c.streams && c.chunks === c.expected)}`,
  );
}

module.exports = { report, benchFirstToken, benchConcurrent, agentHistory };

if (require.main === module) {
  require('./reporting').runAlone(report, process.argv.includes('--quick'));
}
