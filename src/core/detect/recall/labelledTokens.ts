import type { RecallDetector } from './recallSpan';
import { cleanTokenEnd, looksRandom } from './tokenShape';

/**
 * Generated values on a labelled line: a line that opens with a word (a provider's name, a YAML key, a
 * log field) and then holds a generated value, `mixpanel <token>`, `loggly '<uuid>'`, `cloze: <hex>`,
 * `  cloudsmith: "<hex>"`. The report tier wants proof (a provider's format, a credential name); the redact
 * tier hides on shape. Assignments in code (`x = …`, `x := …`) are left to the named-literal detector,
 * which judges the name: a random value under any code name would hide hashes and ids all over a file.
 */

/** Line start, a label of one or two words, `:` or `-` or only spaces, an optional quote, then a value. */
const LABELLED =
  /^[ \t]{0,32}(?:[-*][ \t]{1,4})?([A-Za-z][\w.-]{1,40})(?:[ \t]{1,4}[A-Za-z][\w-]{1,20})?(?:[ \t]{0,4}:|[ \t]{1,4}-)?[ \t]{1,8}(["'`]?)(?=[A-Za-z0-9+/_-]{16})/gm;

/** Labels whose value is a digest, an id, a version or a reference, or words that open prose and code. */
const NOT_A_CREDENTIAL = new Set(
  (
    'sha sha1 sha256 sha512 md5 hash digest checksum integrity commit rev revision ref head parent tree ' +
    'blob oid object etag id uuid guid version build nonce salt iv fingerprint thumbprint kid request trace ' +
    'span correlation image resolved from to at in is on of the a an and or if for while return import ' +
    'export use using let const var def class func function new await yield case default echo print ' +
    'run cd git npm docker image tag name title description url uri host domain path file dir email user'
  ).split(' '),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const findLabelledTokens: RecallDetector = (text, out) => {
  for (const m of text.matchAll(LABELLED)) {
    // `client_id:`, `image-digest:`: the label's last word says what the value is. A label that is itself
    // generated (`k8Fq…Zx <value>`) is a value, not a label.
    const label = m[1]!;
    if (NOT_A_CREDENTIAL.has(label.toLowerCase().split(/[_.-]/).pop()!) || looksRandom(label)) {
      continue;
    }
    const start = m.index + m[0].length;
    const end = cleanTokenEnd(text, start);
    const value = text.slice(start, end).replace(/[.:=-]+$/, '');
    // A quoted value must close with its quote: anything else is a longer string cut here.
    const quote = m[2]!;
    if (end === start || (quote !== '' && text[start + value.length] !== quote)) {
      continue;
    }
    // A host name (`truffle-security.org.a6z81.mng`) ends in a dotted word.
    if ((UUID.test(value) || looksRandom(value)) && !/\.[a-z]{2,12}$/.test(value)) {
      out.push({ start, end: start + value.length, kind: 'token' });
    }
  }
};
