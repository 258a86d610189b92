import { randomToken } from '../random';
import type { Rule } from '../rule';
import { passwordOk } from './genericValues';
import { randomLetterRun, rarePairs } from './letterPairs';
import { tokenRule } from './ruleKit';

/**
 * A password stated in a sentence: `The password is 'Secret123'`, `the default password for the user
 * "pyne-user" is "…"` (Nosey Parker's generic.11 to generic.14 read the same sentences). The sentence is
 * the name, and the quotes mark the value; what the value must show is what any other password rule asks
 * of a short value: letters with a digit or a mark (`passwordOk`), or letters that no language spells
 * (`randomLetterRun`). A word (`admin`, `centipede`) is how docs state a vendor's default, not proof.
 * The redact tier's `recall/prosePasswords.ts` reads more sentences (`was set to`, `changed to`, the
 * value on the next line) and any value; this rule keeps to the sentences that name a password outright.
 */
const SENTENCE =
  '[Tt]he (?:default |initial )?[Pp]assword (?:for (?:the )?(?:user|username|account) ["\'][^"\'\\r\\n]{1,40}["\'] )?is ';

/**
 * Four to seven letters of which two follow each other as no language has them (`hjip`, `gwjkp`): a short
 * password the sentence states, drawn or typed, not a word a vendor ships as its default (`admin`, `toor`,
 * `guest`, `changeme`, whose pairs are all a language's).
 */
function shortDraw(v: string): boolean {
  return /^[A-Za-z]{4,7}$/.test(v) && rarePairs(v) >= 1;
}

export const prosePasswordRules: readonly Rule[] = [
  tokenRule({
    id: 'prose-password',
    provider: 'Generic',
    description: 'Password stated in a sentence',
    risk: 'anyone with this file can sign in wherever this password is used',
    severity: 'warning',
    keywords: ['password'],
    pattern: new RegExp(
      `${SENTENCE}["'](?<secret>(?<=")[^"\\s\\\\]{4,64}(?=")|(?<=')[^'\\s\\\\]{4,64}(?='))`,
    ),
    maxLength: 180,
    // 2 bits a character, not 2.3: the sentence says a password follows, and eight characters with three
    // of them doubled (`xykhhk33`, 2.25 bits) fall under 2.3 about one drawn password in 50.
    validate: (v) => passwordOk(v, 2) || randomLetterRun(v) || shortDraw(v),
    sample: () => `${randomToken('abcdefghjkmnpqrstuvwxyz', 6)}${randomToken('23456789', 2)}`,
    lines: (p) => [
      `echo "The password is '${p}'"`,
      `so at this point, ensure the password is "${p}" and press the "On" button!`,
      `2. Ensure the password for user 'postgres' is '${p}' or change .env file.`,
      `The default password for the user "pyne-user" is "${p}".`,
      `The default Password is '${p}'`,
    ],
    negatives: [
      "The default password is 'admin'.",
      'the password is "changeme"',
      'The password is "centipede"',
      "The password is '<your password>'",
      'The password is "$DB_PASSWORD"',
      'the password is stored in the keychain',
    ],
  }),
];
