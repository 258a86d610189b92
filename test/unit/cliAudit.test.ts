import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditLog } from '../../src/core/audit/auditLog';
import { runCliIn } from '../support/cliRun';

describe('secure-gpt audit', () => {
  let state: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    state = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-state-'));
    env = { ...process.env, XDG_STATE_HOME: state };
  });
  afterEach(() => fs.rm(state, { recursive: true, force: true }));

  const seed = async (n: number) => {
    const log = new AuditLog(path.join(state, 'secure-gpt'));
    for (let i = 1; i <= n; i++) {
      await log.append({
        time: new Date().toISOString(),
        kind: 'request',
        profile: 'openai',
        model: 'gpt-4o-mini',
        outcome: 'ok',
        redactions: { 'github-pat': i },
      });
    }
    return log;
  };

  it('verify passes on an untouched log under $XDG_STATE_HOME/secure-gpt', async () => {
    await seed(3);
    const run = await runCliIn(['audit', 'verify'], state, env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /audit log OK: 3 record\(s\) verified/);
    assert.ok(run.stdout.includes(path.join(state, 'secure-gpt', 'audit.jsonl')));
  });

  it('verify fails on an edited record and names it', async () => {
    const log = await seed(3);
    const lines = (await fs.readFile(log.file, 'utf8')).trim().split('\n');
    lines[1] = lines[1]!.replace('"outcome":"ok"', '"outcome":"error"');
    await fs.writeFile(log.file, lines.join('\n') + '\n');
    const run = await runCliIn(['audit', 'verify'], state, env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAILED at record 2 \(line 2\): its content does not match its hash/);
  });

  it('show prints a table and JSON lines; a bad action is a usage error', async () => {
    await seed(2);
    const table = await runCliIn(['audit', 'show'], state, env);
    assert.equal(table.stdout.trim().split('\n').length, 2);
    assert.match(table.stdout, /github-pat×2/);
    const json = await runCliIn(['audit', 'show', '--json'], state, env);
    assert.equal(JSON.parse(json.stdout.trim().split('\n')[0]!).seq, 1);
    const bad = await runCliIn(['audit', 'frobnicate'], state, env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown action 'frobnicate'/);
  });
});
