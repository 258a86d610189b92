import { alnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms that helper hunts M (credentials with no name beside them, test fixtures, recorded traffic) and N
// (runbooks, wikis, tickets, chat exports, notes), 2026-12-07, found reaching the server, each sent at
// 4ff7167 and closed since. Class 1 of issue 9.

/** A chosen password: two words run together, as people pick them (`amberwheel`). */
const chosen = (): string => `${word()}${word()}`.toLowerCase();

export function docsCases(): AskCase[] {
  const w = Array.from({ length: 6 }, chosen);
  const k = Array.from({ length: 6 }, () => alnum(24));
  return [
    one(1, 'Jira bold label', 'ticket.txt', `h3. Staging\n*User:* deploy\n*Password:* ${w[0]}\n`, w[0]!),
    one(
      1,
      'Markdown bold label in a list',
      'RUNBOOK.md',
      `## Staging\n- **Host**: db.internal\n- **Password**: ${w[1]}\n`,
      w[1]!,
    ),
    one(
      1,
      'Confluence table',
      'accounts.wiki',
      `||Environment||Username||Password||\n|QA|qa.tester|${k[0]}|\n`,
      k[0]!,
    ),
    one(
      1,
      'HTML table over several lines',
      'accounts.html',
      `<table>\n  <tr><th>System</th><th>User</th><th>Password</th></tr>\n  <tr>\n    <td>NAS</td>\n    <td>root</td>\n    <td>${k[1]}</td>\n  </tr>\n</table>\n`,
      k[1]!,
    ),
    one(
      1,
      'reStructuredText list-table',
      'accounts.rst',
      `.. list-table::\n   :header-rows: 1\n\n   * - Role\n     - Username\n     - Password\n   * - admin\n     - admin@example.test\n     - ${k[2]}\n`,
      k[2]!,
    ),
    one(
      1,
      'chat answer to a question',
      'slack.txt',
      `[10:41] bob: anyone know the staging rabbit password?\n[10:42] alice: try ${k[3]}\n[10:42] bob: thanks!\n`,
      k[3]!,
    ),
    one(
      1,
      'bcrypt hash of a seed password',
      'seed.ts',
      `const user = { passwordHash: await hash('${w[2]}', 10) };\n`,
      w[2]!,
    ),
    one(
      1,
      'Cypress typing into #pw',
      'login.cy.js',
      `cy.get('#user').type('qa')\ncy.get('#pw').type('${w[3]}')\n`,
      w[3]!,
    ),
    one(1, 'Capybara fill_in', 'login_spec.rb', `fill_in "Password", with: "${w[4]}"\n`, w[4]!),
    one(1, 'Go map printed', 'debug.txt', `map[db_password:${w[5]} host:db port:5432]\n`, w[5]!),
    one(
      1,
      'escaped JSON body, value opening with +',
      'har.json',
      `{"text": "{\\"password\\":\\"+${k[4]}\\"}"}\n`,
      k[4]!,
    ),
  ];
}
