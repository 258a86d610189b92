import type { RecallDetector } from './recallSpan';
import { looksRandom } from './tokenShape';

// An attached file's path is sent above its code (`backup-<token>.txt (lines 3-9)`). Paths hold no
// assignment or URL syntax for the other detectors to key on, so a token saved into a file or folder name
// would leave as it is. In a path, a generated-looking run of letters and digits is hidden: file names
// written by people (`userService.test.ts`, `2024-06-01-notes.md`) do not read as random. A run must hold
// a digit: PascalCase names of short words (`HighContrastDarkTheme`) switch case as often as random letters
// do, while a random base62 run of 12 or more holds no digit only about once in 8 draws at 12 characters and
// once in 300 at 32.

/** A run of letters and digits between path punctuation (`/`, `-`, `_`, `.`, spaces), at most 512 long. */
const RUN = /[A-Za-z0-9]{12,512}/g;

/** Finds generated-looking runs in a file path. Only for paths: in code, identifiers are judged elsewhere. */
export const findPathTokens: RecallDetector = (path, out) => {
  for (const m of path.matchAll(RUN)) {
    if (/\d/.test(m[0]) && looksRandom(m[0])) {
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'token' });
    }
  }
};
