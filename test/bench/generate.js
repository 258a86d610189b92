// Generates a tree of real-looking source files for the scan benchmark. Deterministic (seeded PRNG), so
// every run measures the same bytes. About one file in forty gets a generated key, so the scanners have
// real work to do, as in a real repository; no key is stored in the repo itself.
const fs = require('node:fs');
const path = require('node:path');

/** mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'user account order item request response handler service client server config value result error ' +
  'token session cache index count total name path file data buffer stream event message queue worker ' +
  'parse render update delete create fetch load save build match filter reduce format validate encode'
).split(' ');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function makeGen(seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const ident = () => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
  const rand = (n, cs = ALNUM) => {
    let s = '';
    for (let i = 0; i < n; i++) s += cs[Math.floor(r() * cs.length)];
    return s;
  };
  const num = () => Math.floor(r() * 1000);
  const templates = {
    ts: () =>
      `export async function ${ident()}(${ident()}: string, ${ident()}: number): Promise<${pick(['void', 'string', 'number[]'])}> {\n` +
      `  const ${ident()} = await this.${ident()}.${pick(WORDS)}(${ident()}, { retries: ${num()}, timeoutMs: ${num() * 10} });\n` +
      `  if (!${ident()} || ${ident()}.length === 0) {\n    throw new Error('${pick(WORDS)} ${pick(WORDS)} failed: ' + ${ident()});\n  }\n` +
      `  // ${pick(WORDS)} the ${pick(WORDS)} before the ${pick(WORDS)} so that ${pick(WORDS)} stays ${pick(WORDS)}\n` +
      `  return ${ident()}.map((x) => x.${ident()} * ${num()}).filter(Boolean);\n}\n\n`,
    py: () =>
      `def ${pick(WORDS)}_${pick(WORDS)}(self, ${pick(WORDS)}, ${pick(WORDS)}=None):\n` +
      `    """${pick(WORDS)} the ${pick(WORDS)} and return the ${pick(WORDS)}."""\n` +
      `    ${pick(WORDS)} = self.${pick(WORDS)}.get("${pick(WORDS)}", ${num()})\n` +
      `    for ${pick(WORDS)} in range(${num()}):\n        logger.debug("%s %s", ${pick(WORDS)}, ${pick(WORDS)})\n` +
      `    return {"${pick(WORDS)}": ${pick(WORDS)}, "id": "${rand(8, '0123456789abcdef')}"}\n\n`,
    go: () =>
      `func (s *${ident()}) ${ident()}(ctx context.Context, id string) (*${ident()}, error) {\n` +
      `\tres, err := s.client.${ident()}(ctx, &${ident()}{ID: id, Limit: ${num()}})\n` +
      `\tif err != nil {\n\t\treturn nil, fmt.Errorf("${pick(WORDS)} %s: %w", id, err)\n\t}\n\treturn res, nil\n}\n\n`,
    yaml: () =>
      `${pick(WORDS)}:\n  ${pick(WORDS)}: ${num()}\n  ${pick(WORDS)}: "${pick(WORDS)}-${pick(WORDS)}"\n  image: registry.example.com/${pick(WORDS)}:${num()}\n` +
      `  env:\n    - name: ${pick(WORDS).toUpperCase()}_${pick(WORDS).toUpperCase()}\n      value: "${pick(WORDS)}"\n`,
    json: () =>
      `  "${ident()}": { "version": "${num()}.${num()}.${num()}", "resolved": "https://registry.npmjs.org/${pick(WORDS)}/-/${pick(WORDS)}-${num()}.tgz", "${pick(WORDS)}": ${num()} },\n`,
  };
  // Keys of a few providers, generated here so the tree has findings; shapes only, not live keys.
  const secrets = [
    () => `const ${ident()} = "ghp_${rand(36)}";\n`,
    () => `AWS_ACCESS_KEY_ID=AKIA${rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\n`,
    () => `slack_token: "xoxb-${rand(11, '0123456789')}-${rand(12, '0123456789')}-${rand(24)}"\n`,
    () => `stripe.api_key = "sk_live_${rand(24)}"\n`,
    () => `OPENAI_API_KEY=sk-proj-${rand(48)}\n`,
    () => `password = "${rand(18)}"\n`,
  ];
  return { r, pick, templates, secrets };
}

/** Writes about `totalBytes` of source under `dir`; returns { files, bytes }. */
function generateTree(dir, totalBytes, seed = 42) {
  const g = makeGen(seed);
  const kinds = { ts: 'ts', py: 'py', go: 'go', yaml: 'yaml', json: 'json' };
  let bytes = 0;
  let files = 0;
  fs.mkdirSync(dir, { recursive: true });
  while (bytes < totalBytes) {
    const kind = g.pick(Object.keys(kinds));
    const sub = path.join(dir, `pkg${files % 50}`, `mod${files % 7}`);
    if (files < 350) fs.mkdirSync(sub, { recursive: true });
    const target = 8000 + Math.floor(g.r() * 40000);
    const parts = [];
    let size = 0;
    while (size < target) {
      const chunk = g.r() < 0.025 / 20 ? g.pick(g.secrets)() : g.templates[kind]();
      parts.push(chunk);
      size += chunk.length;
    }
    if (files % 40 === 0) parts.splice(Math.floor(parts.length / 2), 0, g.pick(g.secrets)());
    const text = parts.join('');
    fs.writeFileSync(path.join(sub, `file${files}.${kinds[kind]}`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

module.exports = { generateTree, rng };

if (require.main === module) {
  const [dir, mb] = process.argv.slice(2);
  const res = generateTree(dir, Number(mb || 50) * 1024 * 1024);
  console.log(`${res.files} files, ${(res.bytes / 1048576).toFixed(1)} MB in ${dir}`);
}
