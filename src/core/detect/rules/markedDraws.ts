// Shared by the report tier's literal rules and the redact tier's value checks (recall/literalValue.ts).

/**
 * Code in a value: a name called, indexed or opening a block (`get_pw(`, `params[`, `const{`, `Foo(`: a
 * word's letters, not a draw's `VCM[`), a member read (`cfg.db`, `req.body`, `a->b`, `A::b`; not a draw's
 * `nG.qY`), an arrow function, a variable in one case (`$key`, `$(COMPONENT)`, `${DB_PASS}`; a draw's
 * `$WFNu` is mixed), a template expression (`${'…'}`), or a key chord (Vim's `<C-N>`).
 */
const CODE_MARKS =
  /(?:[a-z_]{3,}|[A-Z][a-z]{2,})[([{]|[a-z_][A-Za-z0-9_]*\.[a-z_]{2,}|->|=>|[A-Za-z_]::[A-Za-z_]|\$[({]?(?:[a-z_][a-z0-9_]{2,}|[A-Z_][A-Z0-9_]{2,})(?![A-Za-z0-9])|\$\{|<[CSAMD]-/;

/**
 * Whether `value` is a password generator's draw with marks (`sgv$v0.c$;lWNS#b`, `(@:o6xk<z<5)LM+^`):
 * no blank, ten characters or more, two of lower case, upper case and digits, and marks (`_` is a name's,
 * and a closing `;` or `,` a statement's) in one character of seven or more, with no code in it (see
 * `CODE_MARKS`). Code on a line of its own (`get_password()`, `cfg.db.password`, `ENV['X']`, `a || b`,
 * `RESET_PASSWORD_V2,`) has one of those, blanks, one class or too few marks.
 */
export function isMarkedDraw(value: string): boolean {
  const v = value.replace(/[;,]$/, '');
  if (v.length < 10 || /\s/.test(v) || CODE_MARKS.test(v)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(v)).length;
  const marks = v.length - v.replace(/[^A-Za-z0-9_]/g, '').length;
  return classes >= 2 && marks >= 3 && marks * 7 >= v.length;
}
