import { shannonEntropy } from '../entropy';
import {
  charClasses,
  decodeBase64,
  isDefaultPassword,
  isKeywordValue,
  isPathLike,
  isPlaceholder,
  isPrintableAscii,
  isReference,
  namesCredential,
} from './valueChecks';
import { jwtLookAlike } from './jwtChecks';
import { isPasswordLabel } from '../recall/foreignWords';
import { IPV6 } from '../recall/literalValue';
import { drawnPairs, randomLetterRun } from './letterPairs';

/**
 * What the generic rules accept as a value, apart from the name it is given to (generic.ts): data
 * rather than code, a label, a path or a placeholder; for a password some mixture, for a token length
 * and randomness. The report tier is precision-first, so a value someone typed to look like a key
 * (word parts, a few marks in a base62 body) is left to the redact tier.
 */

/** A value that is data rather than code, a label, a path or a placeholder. */
function literalData(v: string): boolean {
  return !(
    isReference(v) ||
    isPlaceholder(v) ||
    isKeywordValue(v) ||
    v.includes('://') ||
    isPathLike(v) ||
    // A member chain, Vim script's scoped ones too (`a:dict.istemp`).
    /^(?:[abglstvw]:)?[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+$/.test(v) ||
    // Code rather than data: `a ?? b`, `x || y`, `ArrowToken$1`, or a value that names itself.
    /\?\?|\|\||&&|^[A-Za-z_]\w*\$\d*$/.test(v) ||
    namesCredential(v) ||
    /\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|cfg|conf|properties|xml|pub|der)$/i.test(v) ||
    /^[A-Z]+[0-9]*(?:_[A-Z]+[0-9]*)+$/.test(v) ||
    /^[a-z]+(?:[_.-][a-z]+)+$/i.test(v) ||
    isWordy(v) ||
    isSlug(v) ||
    /[:?…]$|^:/.test(v) ||
    /^%[-+ #0]?\d*[sdfx]$|%\(|\{\d*\}/.test(v) ||
    // A regular expression (`(?![A-Za-z0-9_-])`, `[^']+`, `\d+`): a pattern in code, not a value.
    /\[\^|\(\?(?:[:=!]|<[=!])|\\[dswbDSWB]/.test(v) ||
    /^v?\d+(?:\.\d+){1,3}(?:-[\w.]+)?$/.test(v) ||
    // A number literal (`register('pass', 0xeba4)`, VS Code's icon table) or an index into a list
    // (`"output_token": "Jobs[-1].JobId"`, botocore's paginators).
    /^0x[0-9a-f]+$/i.test(v) ||
    // A package coordinate (`google-auth-library-oauth2-http:1.3.0`, after Maven's `com.google.auth:`).
    /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)+:v?\d+(?:\.\d+){1,3}$/i.test(v) ||
    /\[-?\d{1,4}\](?:\.|$)/.test(v) ||
    /^#[0-9a-f]{3,8}$/i.test(v) ||
    // The word "password" in a UI catalogue's tongue, its letters maybe HTML references (`L&#246;senord`).
    isPasswordLabel(v) ||
    // An IPv6 address, and a value Spring Cloud Config keeps encrypted (`{cipher}…`; Sonar's negatives).
    IPV6.test(v) ||
    v.startsWith('{cipher}')
  );
}

/**
 * Words with a number tacked on (`supersecretkey123`): a lower-case run of ten or more with the vowels
 * of language (a random run of that length has a fifth of them), few digits, and the run at least half
 * the value: a random key over a lower-case alphabet (Django's) holds such a run in a long value too.
 */
export function isWordy(v: string): boolean {
  const run = (v.match(/[a-z]{10,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
  const vowels = run?.match(/[aeiou]/g)?.length ?? 0;
  return (
    run !== undefined &&
    run.length * 2 >= v.length &&
    vowels / run.length >= 0.3 &&
    (v.match(/[0-9]/g)?.length ?? 0) <= 4
  );
}

/**
 * A lower-case name of three or more parts (`my-app-tls-2`, `prod_db_key_v2`), unless all hex (a UUID) or
 * a part of twelve or more is a draw of letters and digits (`tbkjnk650wlm394w24de_kr-…`, a token whose
 * alphabet holds `_` and `-`: see `drawnPairs`). A name's parts are words, versions and short ids.
 */
function isSlug(v: string): boolean {
  return (
    /^[a-z0-9]+(?:[-_.][a-z0-9]+){2,}$/.test(v) &&
    !/^[0-9a-f]+(?:-[0-9a-f]+)+$/.test(v) &&
    !v.split(/[-_.]/).some((part) => part.length >= 12 && drawnPairs(part))
  );
}

/**
 * A base64 value that decodes to printable text (a Kubernetes `data:` entry, a `_password`) is judged
 * on what it hides too: `cGFzc3dvcmQ=` is the word `password`.
 */
function decodedIsStock(v: string): boolean {
  if (v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    return false;
  }
  const text = decodeBase64(v);
  return text !== undefined && isPrintableAscii(text) && (isDefaultPassword(text) || isPlaceholder(text));
}

/**
 * A password: a literal with a letter and a digit or symbol, that is not a stock default. `minEntropy`: the
 * floor in bits a character (a rule whose context states a password may take a lower one).
 */
export function passwordOk(v: string, minEntropy = 2.3): boolean {
  const c = charClasses(v);
  return (
    literalData(v) &&
    !decodedIsStock(v) &&
    (c.lower || c.upper) &&
    (c.digit || c.special) &&
    !isDefaultPassword(v) &&
    shannonEntropy(v) >= minEntropy
  );
}

/**
 * A few shell or format marks (`^`, `$`, `&`, `|`, `?`, `;`, `,`, `*`, `!`, `@`, parentheses) typed into an
 * otherwise mixed-case base62 body, or a `?` into a lower-case one (no lower-case alphabet holds `?`,
 * Django's included): no token format is drawn that way, so the value was corrupted or
 * edited by hand (the peers write their near misses like this: `…%c^`, `…?4553-…`). Generated secrets that do use
 * punctuation use it densely (a password manager's, or a Django `SECRET_KEY`, which is lower-case and
 * about one character in five a mark): those pass.
 */
function hasStrayMarks(v: string): boolean {
  if (!/[A-Z]/.test(v) ? !/[a-z].*\?|\?.*[a-z]/.test(v) : !/[$^&|?;,()*!@]/.test(v)) {
    return false;
  }
  const punctuation = v.length - v.replace(/[^A-Za-z0-9+/=_.~:-]/g, '').length;
  if (punctuation * 10 < v.length) {
    return true;
  }
  // Or all of them in one spot (`I_Mn%^&*…`): a generator spreads its marks, so four to six of them
  // side by side and none elsewhere were typed in (a 28-character password with four marks has them
  // all adjacent about one time in 800, a 20-character one about one time in 300).
  const run = /[^A-Za-z0-9+/=_.~:-]{4,6}/.exec(v);
  return v.length >= 20 && run !== null && run[0].length === punctuation;
}

/**
 * A value made of words: three or more `_`/`-` parts that are runs of letters in one case, covering
 * half of it (`…_VDP_BKFD_ZCTCZ_PHVX`, `…_feapws_lsmbbbgxgtylpc-yfzcomnjue`). That is a name or a
 * template someone wrote; 20 characters of a random token stay in one case about one time in 10^8.
 */
function isWordParts(v: string): boolean {
  const words = v.split(/[_-]/).filter((part) => /^(?:[A-Z]{3,}|[a-z]{3,})$/.test(part));
  return words.length >= 3 && words.join('').length * 2 >= v.length;
}

/** A token: long enough, mixed, and random-looking for its length. */
export function tokenOk(v: string): boolean {
  const c = charClasses(v);
  if (
    !literalData(v) ||
    decodedIsStock(v) ||
    !(c.lower || c.upper) ||
    hasStrayMarks(v) ||
    isWordParts(v) ||
    jwtLookAlike(v)
  ) {
    return false;
  }
  const entropy = shannonEntropy(v);
  if (v.length < 16) {
    return c.digit && c.lower && c.upper && entropy >= 3;
  }
  // No digit: mixed-case letters, long (32 or more) or drawn (a password generator's letters, `AwvydTaE…`,
  // where a camelCase name is made of words' letter pairs: see `randomLetterRun`); or 20 or more letters in
  // one case, drawn (a token of a one-case alphabet, `bshammkrghwmtp…`; a phrase run together pairs as words).
  const drawn = randomLetterRun(v) && (v.length >= 20 || (c.lower && c.upper));
  const letters = (c.lower && c.upper && v.length >= 32) || drawn;
  return (c.digit || letters) && entropy >= (v.length >= 32 ? 3 : 2.8);
}
