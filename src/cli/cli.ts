import { join } from 'node:path';
import { flushCodeCaches } from './codeCache';
import { runCli } from './main';
import { tuneScanJit } from './scanJit';
import { prestartScanWorkers } from './scanPrestart';

// `secure-gpt scan | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

// Before the command's bundle loads: the workers boot meanwhile (see scanPrestart.ts). The worker is its own
// bundle beside the commands' in dist/cli/, loaded by a small entry through the code cache.
if (process.argv[2] === 'scan') {
  tuneScanJit();
  prestartScanWorkers(process.argv.slice(3), join(__dirname, 'cli', 'scanWorkerBoot.js'));
}

runCli(process.argv.slice(2)).then(
  (code) => {
    // A command's bundle whose code cache was missed (see codeCache.ts) has it written now, holding what the
    // command compiled (`scan` writes its own first, under the V8 flags it was read with).
    flushCodeCaches();
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`secure-gpt: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
