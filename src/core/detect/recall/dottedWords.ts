/**
 * A passphrase of words joined by dots (`galaxy.marble.summit`, `Tiger.Tunnel.Eagle42`), which people choose
 * as they choose `copper-raven-maple`. A dotted run of words is also a setting's name
 * (`secureGpt.secretStorageConsent`, `spring.datasource.password`), a member chain (`config.db.password`,
 * `request.form.get`) or a host (`db.internal.lan`): those hold a camelCase word, a word of code or
 * configuration, or a host's last label. A passphrase holds none, and three words or more.
 */

/** Words of code, configuration and hosts: a dotted run holding one names something rather than hides it. */
const NAMING_WORDS = new Set(
  (
    'os sys path self this cls config conf cfg settings setting env environ environment process app application ' +
    'request req res response session db database datasource spring module exports window document data args ' +
    'kwargs params param options opts props state ctx context user users auth api secrets secret vault ' +
    'credentials credential password passwd pass pwd token tokens key keys value values get set default ' +
    'defaults prod production dev development staging test tests local main common global base core util utils ' +
    'lib internal private public static random crypto json yaml string str int new client server service ' +
    'services http https www com org net io dev co uk de fr lan localhost example invalid www mail smtp host ' +
    'name id type url uri file files dir log logs cache redis postgres mysql mongo aws azure gcp google github ' +
    'spec specs src index node npm org schema model models view views controller controllers route routes'
  ).split(' '),
);

/** One word of a passphrase: letters, a capital only first, digits only at its end. */
const WORD = /^[A-Za-z][a-z]{2,11}[0-9]{0,4}$/;

/**
 * Words that name something only where a chain starts (`window.location.href`, `process.env.X`,
 * `spring.datasource.password`): a passphrase may hold one further on (`planet.yellow.window`,
 * `garden.spring.quiet.falcon62`, hunt H). Every other naming word names wherever it stands
 * (`msal.cache.encryption` is a setting's name).
 */
const ROOT_WORDS = new Set([
  'window',
  'document',
  'module',
  'exports',
  'process',
  'os',
  'sys',
  'self',
  'this',
  'cls',
  'spring',
]);

/** Whether `value` is three to eight dotted words that name nothing (see above). */
export function dottedPassphrase(value: string): boolean {
  const words = value.split('.');
  if (words.length < 3 || words.length > 8) {
    return false;
  }
  return words.every((w, i) => {
    const word = w.replace(/[0-9]+$/, '').toLowerCase();
    return WORD.test(w) && !(NAMING_WORDS.has(word) && (i === 0 || !ROOT_WORDS.has(word)));
  });
}
