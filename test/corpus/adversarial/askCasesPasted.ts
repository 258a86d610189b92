import { alnum, digits, hex, lowerAlnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms the third pair of hunts found reaching the server (2026-12-06): what people paste into a chat
// (hunter E: messages, terminal sessions, exports) and code and configuration in less common languages and
// tools (hunter F). Classes as issue 9 numbers them.

/** A password with a digit and a mark for sure, as people choose them. */
const password = (): string => `${word()}!${alnum(4)}7${alnum(2)}`;

export function pastedCases(): AskCase[] {
  const p = Array.from({ length: 14 }, password);
  const session = `${lowerAlnum(6)}7${lowerAlnum(19)}`;
  const glpat = `glpat-7Q${alnum(17)}-`;
  const walletKey = `0x${hex(64)}`;
  const code = (): string => `${lowerAlnum(3)}7-${lowerAlnum(4)}`;
  const [c1, c2] = [code(), code()];
  const esc = '\u001b';
  const pin = digits(8);
  return [
    one(
      1,
      'password stated in a chat message',
      'notes.md',
      `I changed the root password to ${p[0]} yesterday\n`,
      p[0]!,
    ),
    one(1, 'markdown bold label', 'handover.md', `- **Password:** ${p[1]}\n`, p[1]!),
    one(1, 'non-Latin password word', 'notes.txt', `\u5bc6\u7801\uff1a${p[2]}\n`, p[2]!),
    one(
      2,
      'session cookie in a copied fetch',
      'repro.js',
      `fetch("https://app.example.io/", {"headers":{"cookie":"sessionid=${session}; lang=en"}});\n`,
      session,
    ),
    one(
      2,
      'secret a command printed on the next line',
      'session.log',
      `$ gcloud secrets versions access latest --secret=db-pass\n${p[3]}\n`,
      p[3]!,
    ),
    one(
      2,
      'network device pre-shared key',
      'router.cfg',
      `crypto isakmp key ${p[4]} address 203.0.113.5\n`,
      p[4]!,
    ),
    one(2, 'positional password, last argument', 'db.js', `> db.auth("admin", "${p[5]}")\n`, p[5]!),
    one(
      1,
      'section named for secrets',
      'values.yml',
      `secrets:\n  stripe: ${p[6]}\n  github: ${p[7]}\n`,
      p[6]!,
      p[7]!,
    ),
    one(1, 'EDN keyword map', 'config.edn', `{:smtp {:user "alerts" :pass "${p[8]}"}}\n`, p[8]!),
    one(
      1,
      'name and value in fields of their own',
      'ssm.json',
      `{"Parameters": [{"Name": "/prod/db/password", "Type": "SecureString", "Value": "${p[9]}"}]}\n`,
      p[9]!,
    ),
    one(4, 'colour codes around a diff line', 'ci.log', `${esc}[32m+DB_PASSWORD=${p[10]}${esc}[m\n`, p[10]!),
    one(7, 'provider token ending in a joint', 'notes.txt', `use this one: ${glpat} and retry\n`, glpat),
    one(
      1,
      'wallet key given to its constructor',
      'deploy.js',
      `const wallet = new ethers.Wallet("${walletKey}", provider);\n`,
      walletKey,
    ),
    one(1, 'recovery codes listed', 'notes.txt', `Recovery codes:\n${c1}\n${c2}\n`, c1, c2),
    one(
      2,
      'Nagios resource macro',
      'resource.cfg',
      `$USER1$=/usr/local/nagios/libexec\n$USER3$=${p[11]}\n`,
      p[11]!,
    ),
    one(1, 'PIN under its name', '.env', `ADMIN_PIN=${pin}\n`, pin),
  ];
}
