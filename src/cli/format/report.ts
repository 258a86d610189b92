import type { Finding } from '../../core/detect/finding';

/** A finding and the file it is in, as the scan command reports it. */
export interface FileFinding {
  /** Path relative to the working directory, with forward slashes. */
  readonly file: string;
  readonly finding: Finding;
}

/** What the scan saw, for the text summary. */
export interface ScanStats {
  readonly files: number;
  readonly bytes: number;
  readonly binary: number;
  readonly tooLarge: number;
  readonly errors: number;
  readonly seconds: number;
}
