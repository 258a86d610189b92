import { randomToken } from '../../src/core/detect/random';
import { scan } from '../../src/core/detect/scanner';
import { freshSample } from '../../src/core/detect/rules/ruleKit';
import { lettersAndDigits } from '../../src/core/detect/rules/ruleParts';
import { entropyFloor } from '../../src/core/detect/rules/serviceKeyText';
import { shannonEntropy } from '../../src/core/detect/entropy';

/**
 * A fresh value of `alphabet` with letters and digits both, as the service key table's digit pass reads them,
 * over the entropy floor the table asks of its length (a short draw repeats enough to fall under it now and
 * then: `ppxdxax4`, 2.2 bits against 2.4).
 */
export function tableKey(alphabet: string, n: number): string {
  for (;;) {
    const v = freshSample(() => randomToken(alphabet, n));
    const body = v.replace(/-/g, '');
    if (lettersAndDigits(v) && shannonEntropy(body) >= entropyFloor(body, /^[0-9a-fA-F]+$/.test(body))) {
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
