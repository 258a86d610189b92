import type { RecallDetector } from './recallSpan';

/**
 * JDBC URLs, whole: `jdbc:<driver>:` and the rest up to a quote, a space or a tag. A JDBC URL names a
 * reachable database, and its credentials hide in any of a dozen driver-specific places (`user:pw@`,
 * `;password=`, `?password=`, `:pw@host` for Oracle thin, `@host` with a wallet); reading each is a
 * parser per driver. Hiding the whole URL costs one placeholder that is restored locally.
 */

/**
 * `jdbc:`, a driver name (letters and digits), `:`, then a bounded body; its characters include what a
 * pasted password holds unencoded (`jdbc:oracle:thin:app/^B&f#2@host:1521/X`), `^` and `|` too.
 */
const JDBC = /(?<![A-Za-z0-9_])jdbc:[a-z][a-z0-9]{1,24}:([A-Za-z0-9_.:/@;=&?%()+,~!$*[\]{}#^|-]{10,1024})/gi;

/** What may follow a URL: a quote, a space, a tag or a line end. A URL cut by anything else is a sample. */
const URL_END = /[\s"'`<]/;

/** `#{uri.host}`, `${HOST}`, `{{ .Host }}`, `<your-host>`: a template, not a database. */
const TEMPLATE = /[#$]\{|\{\{|%\(/;

export const findJdbcUrls: RecallDetector = (text, out) => {
  for (const m of text.matchAll(JDBC)) {
    const end = m.index + m[0].length;
    if ((end < text.length && !URL_END.test(text[end]!)) || TEMPLATE.test(m[1]!)) {
      continue;
    }
    out.push({ start: m.index, end, kind: 'connection-string' });
  }
};
