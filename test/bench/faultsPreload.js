'use strict';
// Preloaded by machine.js into a measured process: prints its minor page faults to stderr at exit.
process.on('exit', () => {
  process.stderr.write(`\nsgpt-bench-faults minor=${process.resourceUsage().minorPageFault}\n`);
});
