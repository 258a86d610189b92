import { join } from 'node:path';
import { loadBundle } from './codeCache';

// The scan pool's worker thread starts here: a few lines that load the worker's bundle (scanWorker.ts,
// beside this file) through the V8 code cache (see codeCache.ts), so that each worker does not parse and
// compile the engine again. The worker writes a missed cache once it has scanned (see scanWorker.ts).
loadBundle(join(__dirname, 'scanWorker.js'));
