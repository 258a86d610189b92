import { randomToken } from '../../src/core/detect/random';
import { scan } from '../../src/core/detect/scanner';
import { freshSample } from '../../src/core/detect/rules/ruleKit';
import { lettersAndDigits } from '../../src/core/detect/rules/ruleParts';

/** A fresh value of `alphabet` with letters and digits both, as the service key table's digit pass reads them. */
export function tableKey(alphabet: string, n: number): string {
  for (;;) {
    const v = freshSample(() => randomToken(alphabet, n));
    if (lettersAndDigits(v)) {
      return v;
    }
  }
}

/** The service key table's findings in `text`: each as its provider and the value found. */
export function tableFindings(text: string): string[] {
  return scan(text)
    .filter((f) => f.ruleId === 'service-api-key')
    .map((f) => `${f.provider} ${text.slice(f.start, f.end)}`);
}
