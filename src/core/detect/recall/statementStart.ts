import { isSpace } from './literalValue';
import type { ValueSpan } from './literalValue';

// Where a credential's name starts a line-oriented assignment (`.env`, YAML, INI, a shell's `export`), whose
// bare value is then a literal rather than an expression: at its line's start, or after what tools print
// before such a line (a diff's mark, a CI log's timestamp) or a flag that takes `NAME=value` on a command
// line. namedLiterals.ts asks.

/**
 * A line-oriented assignment: the name starts its line (after indentation, a comment, a dash, `export`, a
 * shell's or PowerShell's `$`, or the `@` of a REST Client file variable, `@pass = …` in a `.http` file; Ruby's
 * `@password = password` is code, whose value the literal's test refuses).
 */
export const LINE_PREFIX =
  /^[ \t]{0,64}(?:(?:#|\/\/|;|--|\/\*{1,2}|\*|<!--)[ \t]{0,8})?(?:-[ \t]{1,8})?(?:export[ \t]+|ENV[ \t]+|ARG[ \t]+|set(?:[ \t]+-[A-Za-z]{1,4})*[ \t]+|\$|@)?["']?$/;

/**
 * What tools print before a line-oriented assignment, which then starts its statement all the same: a diff's
 * or a quote's mark (`+DB_PASSWORD=…`, `> API_KEY=…`; a shell trace's `+ export …`, `++ …`), a shell's prompt (`$ export DB_PASS=…`,
 * `deploy@web-1:~/app$ `, `~/code/bot main* ❯ `, oh-my-zsh's `➜  bot git:(main) ✗ `; `[root@db ~]# ` is a
 * comment's `#` already), a comment after code on its line
 * (`ssh admin@host  # password: …`), a CI log's timestamp, a shell history's number, or
 * the sections of a .NET configuration key (`dotnet user-secrets list` prints `Stripe:SecretKey = …`;
 * PascalCase, as .NET writes them, and single colons: Ruby's and C++'s `Foo::` is a scope in code), or the
 * left column of `diff -y` (`DB_PASSWORD=old      |  DB_PASSWORD=new`, a right-only line's `   >  …`), or
 * an `.npmrc` registry's scope (`//registry.npmjs.org/:_authToken=…`).
 */
const MARK_PREFIX =
  /^[ \t]{0,8}(?:(?:[+<>]{1,3}|-(?=$))[ \t]{0,4}(?:export[ \t]{1,4})?|(?:[\w.-]{1,32}@[\w.-]{1,64}(?::[^\s$#>]{0,120})?|\[[^\]\r\n]{1,120}\]|[~/][^\s]{0,120}(?:[ \t]{1,4}[^\s$%\u276f]{1,40}){0,2}[ \t]{1,4})?[$%\u276f][ \t]{1,4}(?:export[ \t]{1,4})?|\u279c[ \t]{1,4}(?:[^\s]{1,120}[ \t]{1,4}){0,3}(?:\u2717[ \t]{1,4})?(?:export[ \t]{1,4})?|\S[^\r\n]{0,200}?[ \t](?:#|\/\/)[ \t]{1,8}|\d{4}-\d\d-\d\dT[\d:.]{8,20}Z?[ \t]{1,8}|\d{1,6}[ \t]{1,4}(?:export[ \t]{1,4})?|(?:[A-Z][\w.-]{0,40}:){1,4}|(?:[a-z][\w]{0,40}::){1,6}|[A-Za-z_][\w.-]{0,63}=\S{0,200}[ \t]{2,64}[|<>]?[ \t]{1,8}|[ \t]{8,120}[<>|][ \t]{1,8}|\/\/[^\s=]{1,200}\/:)$/;
/**
 * A flag or command that takes `NAME=value` on a command line (`docker run -e`, `helm --set`, `--build-arg`,
 * `-var`, `--from-literal=`, systemd's `Environment=`, `heroku config:set`, `fly secrets set`, Windows'
 * `set`, a JVM's system property `-Ddb.password=…`, which namedLiterals.ts reads without its `-D`, a
 * Dockerfile's `ENV` as `docker history` prints it, `/bin/sh -c #(nop)  ENV NPM_TOKEN=…   0B`, Vault's
 * `vault kv put secret/db password=…` and Railway's `variables set`, after their other pairs; Bazel's
 * `--action_env=`, Flutter's `--dart-define=`, `spark-submit --conf`, `argo submit -p`, the `env` command,
 * IPython's `%env`, SAS's `%let`, an `export` a line echoes into a file): the value is a literal, and a bare
 * one ends at the next blank.
 */
const FLAG_PREFIX =
  /(?:(?:^|[ \t])(?:-e|--env|--set(?:-string)?|--build-arg|--define=?|--dart-define=?|--(?:host_)?action_env=?|--repo_env=?|--remote_header=?|--conf|-p|-var|--var|--from-literal=|Environment=|config:set|secrets[ \t]{1,4}set|[Ss][Ee][Tt]X?|ENV|%env|%set_env|%let|env)[ \t]{0,4}["']?|(?:^|[ \t"'])-D|(?:^|[ \t"'])export[ \t]{1,4}|(?:^|[ \t])(?:vault[ \t]{1,4}(?:kv[ \t]{1,4})?(?:put|write|patch)[ \t]{1,4}[^\s=]{1,200}|variables[ \t]{1,4}(?:set|--set))(?:[ \t]{1,4}[\w.-]{1,64}=[^\s]{0,200}){0,16}[ \t]{1,4})$/;

/**
 * A `sed` substitution up to its replacement (`sed -i 's/^DB_PASSWORD=old/`), which writes `NAME=value`
 * into a file: the value is a literal, and ends at the next unescaped `/`.
 */
const SED_REPLACEMENT = /\bsed\b[^\r\n]{0,120}?[ \t]["']?s\/(?:[^/\\\r\n]|\\.){0,120}\/$/;

/** Whether a name after `prefix` (its line up to the name) starts a line-oriented assignment. */
export function startsStatement(prefix: string | undefined): prefix is string {
  return (
    prefix !== undefined &&
    (LINE_PREFIX.test(prefix) || MARK_PREFIX.test(prefix) || onCommandLine(prefix) || inSed(prefix))
  );
}

function inSed(prefix: string): boolean {
  return prefix.length <= 250 && prefix.includes('sed') && SED_REPLACEMENT.test(prefix);
}

/**
 * The bare value `read` after a name, ended where its statement puts the end: a command line's at a blank
 * (see `untilBlank`), a `sed` replacement's at its `/`, a `diff -y` line's left column at the blanks that
 * part it from the right one (`DB_PASSWORD=old      |  DB_PASSWORD=new`).
 */
export function statementValue(text: string, read: ValueSpan, prefix: string | undefined): ValueSpan {
  if (prefix !== undefined && inSed(prefix)) {
    let end = read.start;
    while (end < read.end && text[end] !== '/') {
      end += text[end] === '\\' ? 2 : 1;
    }
    return { ...read, end: Math.min(end, read.end) };
  }
  if (onCommandLine(prefix)) {
    const arg = untilBlank(text, read, prefix);
    // SAS's `%let name=value;` ends its statement with the `;`, which is no part of the value.
    return /%let[ \t]{1,4}$/.test(prefix!) && text[arg.end - 1] === ';' ? { ...arg, end: arg.end - 1 } : arg;
  }
  const column = SIDE_BY_SIDE.exec(text.slice(read.start, read.end));
  return column === null ? read : { ...read, end: read.start + column[0].length };
}

/** A value, then the blanks and the mark of `diff -y` and the right column's assignment. */
const SIDE_BY_SIDE = /^\S{1,200}(?=[ \t]{2,64}(?:[<|>](?:[ \t]|$)|[A-Za-z_][\w.-]{0,63}=))/;

/** Whether the name after `prefix` is a command line's `NAME=value` (see `FLAG_PREFIX`). */
export function onCommandLine(prefix: string | undefined): boolean {
  return (
    prefix !== undefined && prefix.length <= 200 && !LINE_PREFIX.test(prefix) && FLAG_PREFIX.test(prefix)
  );
}

/**
 * `span` cut at its first blank: a command line's argument ends there. A quote that ends it closes a string
 * `prefix` (the line up to the name) opened (`JAVA_OPTS="-Xmx1g -Ddb.password=…"`), and is no part of it.
 */
export function untilBlank(text: string, span: ValueSpan, prefix = ''): ValueSpan {
  let end = span.start;
  while (end < span.end && !isSpace(text.charCodeAt(end))) {
    end++;
  }
  const last = text[end - 1];
  if (end - 1 > span.start && (last === '"' || last === "'") && prefix.split(last).length % 2 === 0) {
    end--;
  }
  return { ...span, end };
}

/**
 * A JVM's system property on a command line (`java -Ddb.password=… -jar app.jar`, `JAVA_OPTS="-Xmx1g
 * -Dspring.datasource.password=…"`): the name read back from its word holds the flag, which the
 * command-line reading (`FLAG_PREFIX`) must see before the name. Returns where the name starts.
 */
export function withoutPropertyFlag(text: string, s: number): number {
  const flagged =
    text.charCodeAt(s) === 45 && text.charCodeAt(s + 1) === 68 && /^[A-Za-z]/.test(text[s + 2] ?? '');
  return flagged && (s === 0 || /[\s"']/.test(text[s - 1]!)) ? s + 2 : s;
}
