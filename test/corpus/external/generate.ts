import { githubToken } from '../../../src/core/detect/checksum';
import {
  ALNUM,
  BASE64,
  BASE64URL,
  LOWER_ALNUM,
  randomToken,
  randomIndex,
} from '../../../src/core/detect/random';

/**
 * Re-generates the values the external corpus stores only as formats. A marker's body is `re:REGEX`
 * (a value sampled from the regex: literal prefix, character classes, bounded repeats) or a named
 * generator for shapes a regex cannot give: `@jwt` (`@jwt:REGEX`: after a prefix sampled from REGEX), `@pem:LABEL:LINES[:json]`, `@basic:USER:PASSWORD` (lengths). Values are fresh per run.
 */

/** Random runs that read as placeholders or test words would make a case easier than the peer's. */
const PLACEHOLDERISH = /xxxx|here|your|fake|mock|todo|fixme|enter|insert|sample|example|dummy|test/i;

interface Atom {
  readonly choices: readonly (readonly Atom[])[] | undefined; // a group's alternatives
  readonly chars: string | undefined; // a class or one literal character
  readonly min: number;
  readonly max: number;
}

/** Thrown for a regex feature the sampler does not read; the extractors keep such formats out of the corpus. */
export class UnsupportedFormat extends Error {}

function classChars(body: string): string {
  let out = '';
  let negate = false;
  let i = 0;
  if (body.startsWith('^')) {
    negate = true;
    i = 1;
  }
  const read = (): string => {
    const c = body[i++]!;
    if (c !== '\\') {
      return c;
    }
    const e = body[i++]!;
    if (e === 'd') {
      return '0123456789';
    }
    if (e === 'w') {
      return ALNUM + '_';
    }
    if (e === 's') {
      return ' ';
    }
    return e;
  };
  while (i < body.length) {
    const from = read();
    if (from.length === 1 && body[i] === '-' && i + 1 < body.length) {
      i++;
      const to = read();
      for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) {
        out += String.fromCharCode(c);
      }
    } else {
      out += from;
    }
  }
  if (negate) {
    throw new UnsupportedFormat('negated class');
  }
  return [...new Set(out)].join('');
}

function parse(src: string, at: { i: number }, inGroup: boolean): Atom[][] {
  const alternatives: Atom[][] = [[]];
  while (at.i < src.length) {
    const c = src[at.i]!;
    if (c === ')' && inGroup) {
      at.i++;
      break;
    }
    if (c === '|') {
      alternatives.push([]);
      at.i++;
      continue;
    }
    let atom: Atom;
    if (c === '(') {
      at.i += /^\(\?i?:|^\(\?i\)/.exec(src.slice(at.i))?.[0].length ?? 1;
      if (src[at.i - 1] === ')') {
        continue;
      } // (?i): case is already in the classes
      atom = { choices: parse(src, at, true), chars: undefined, min: 1, max: 1 };
    } else if (c === '[') {
      let end = at.i + 1;
      while (end < src.length && src[end] !== ']') {
        end += src[end] === '\\' ? 2 : 1;
      }
      if (end >= src.length) {
        throw new UnsupportedFormat('unclosed class');
      }
      atom = { choices: undefined, chars: classChars(src.slice(at.i + 1, end)), min: 1, max: 1 };
      at.i = end + 1;
    } else if (c === '\\' && /[bB]/.test(src[at.i + 1] ?? '')) {
      // A word boundary matches no character: gitleaks' sampler (secrets.NewSecret) emits nothing for it.
      at.i += 2;
      continue;
    } else if (c === '\\') {
      const e = src[at.i + 1]!;
      atom = { choices: undefined, chars: /[dws]/.test(e) ? classChars(`\\${e}`) : e, min: 1, max: 1 };
      at.i += 2;
    } else if ('^$'.includes(c)) {
      at.i++;
      continue;
    } else if (c === '.') {
      throw new UnsupportedFormat('dot');
    } else {
      atom = { choices: undefined, chars: c, min: 1, max: 1 };
      at.i++;
    }
    const q = /^(?:\{(\d+)(?:(,)(\d*))?\}|\?|\*|\+)/.exec(src.slice(at.i));
    if (q) {
      at.i += q[0].length;
      const [min, max] =
        q[0] === '?'
          ? [0, 1]
          : q[0] === '*'
            ? [0, 8]
            : q[0] === '+'
              ? [1, 8]
              : [Number(q[1]), q[2] ? (q[3] ? Number(q[3]) : Number(q[1]) + 8) : Number(q[1])];
      atom = { ...atom, min, max };
    }
    alternatives[alternatives.length - 1]!.push(atom);
  }
  return alternatives;
}

function sampleAtoms(atoms: readonly Atom[]): string {
  let out = '';
  for (const atom of atoms) {
    const n = atom.min + randomIndex(atom.max - atom.min + 1);
    if (atom.choices) {
      for (let k = 0; k < n; k++) {
        out += sampleAtoms(atom.choices[randomIndex(atom.choices.length)]!);
      }
    } else if (atom.chars!.length === 1) {
      out += atom.chars!.repeat(n);
    } else {
      out += run(atom.chars!, n);
    }
  }
  return out;
}

/** A random run that does not read as a placeholder, mixed letters and digits where the class has both. */
function run(chars: string, n: number): string {
  for (let tries = 0; ; tries++) {
    const out = randomToken(chars, n);
    if (tries > 50 || n < 4 || !PLACEHOLDERISH.test(out)) {
      return out;
    }
  }
}

/** A value matching `regex` (the subset peers write formats in). */
export function sampleRegex(regex: string): string {
  const value = sampleAtoms(parse(regex, { i: 0 }, false)[0]!);
  // GitHub's tokens carry a CRC-32 of their body: a real one always passes it.
  const gh = /^(gh[pousr])_([A-Za-z0-9]{30})[A-Za-z0-9]{6}$/.exec(value);
  return gh ? githubToken(gh[1]!, gh[2]!) : value;
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A JWT: real JSON header and claims, random subject and signature. */
function jwt(): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = b64url(
    JSON.stringify({ sub: randomToken(ALNUM, 12), iat: 1_700_000_000 + randomIndex(50_000_000) }),
  );
  return `${header}.${claims}.${randomToken(BASE64URL, 43)}`;
}

/** A PEM block of `lines` 64-character base64 lines; `json`: line breaks written `\n`, as in a JSON string. */
function pem(label: string, lines: number, json: boolean): string {
  const body: string[] = [];
  for (let k = 0; k < Math.max(lines, 1); k++) {
    body.push(run(BASE64, k === lines - 1 ? 44 : 64));
  }
  const br = json ? '\\n' : '\n';
  return `-----BEGIN ${label}-----${br}${body.join(br)}${br}-----END ${label}-----`;
}

/** A fresh value for a marker body (`re:…`, `@jwt`, `@pem:LABEL:LINES`). */
export function generate(spec: string): string {
  if (spec.startsWith('re:')) {
    try {
      return sampleRegex(spec.slice(3));
    } catch (e) {
      throw e instanceof UnsupportedFormat ? e : new UnsupportedFormat(String(e));
    }
  }
  if (spec === '@jwt') {
    return jwt();
  }
  if (spec.startsWith('@jwt:')) {
    // A JWT after a prefix sampled from the regex that follows (`ghs_[0-9]{5}_`).
    return sampleRegex(spec.slice(5)) + jwt();
  }
  const basic = /^@basic:(\d+):(\d+)$/.exec(spec);
  if (basic) {
    // HTTP Basic credentials: base64 of `user:password`, as the peer's value decoded to.
    return Buffer.from(
      `${randomToken(LOWER_ALNUM, Number(basic[1]))}:${run(ALNUM, Number(basic[2]))}`,
    ).toString('base64');
  }
  const p = /^@pem:([A-Z0-9 ]+):(\d+)(:json)?$/.exec(spec);
  if (p) {
    return pem(p[1]!, Number(p[2]), p[3] !== undefined);
  }
  throw new UnsupportedFormat(spec);
}
