import { runCli } from './main';

// `secure-gpt scan | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`secure-gpt: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
