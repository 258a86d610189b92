import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { applyEdits } from './textView';
import { tableEdits } from './tableViews';
import { draw } from './spanCases';

const plain = (text: string): string => applyEdits(text, tableEdits(text)).text;
const sent = (text: string): string => redactText(text, new RedactionMap()).text;

describe('redact tier: tables in wiki and document syntaxes (tableViews.ts)', () => {
  it('reads Confluence, HTML, AsciiDoc and list-table rows as pipe rows', () => {
    assert.equal(plain('||Host||User||Password||\n|a|b|c|'), '|Host|User|Password|\n|a|b|c|');
    assert.equal(
      plain(
        '<table>\n<tbody>\n<tr><th>Host</th><th>Password</th></tr>\n<tr>\n  <td>a</td>\n  <td>c</td>\n</tr>\n</tbody>\n</table>',
      ),
      '<table>\n| Host | Password |\n| a | c |\n</table>',
    );
    assert.equal(plain('|===\n|Host |Password\n\n|a\n|c\n|==='), '|===\n|Host |Password\n|a |c\n|===');
    assert.equal(
      plain('.. list-table::\n\n   * - Host\n     - Password\n   * - a\n     - c\n'),
      '.. list-table::\n\n   | Host | Password\n   | a | c\n',
    );
  });

  it('leaves text that holds no such table', () => {
    for (const text of [
      'if (a || b) { run(); }',
      'x = y || z',
      '* - a list item that starts with a dash',
      '<tr>not closed',
      'a |=== b',
    ]) {
      assert.deepEqual(tableEdits(text), [], text);
    }
  });

  it('hides the cells under a password or secret column in each syntax', () => {
    const pw = draw(20);
    const pw2 = draw(20);
    for (const text of [
      `h2. Test accounts\n\n||Environment||Username||Password||\n|QA|qa.tester|${pw}|\n|UAT|uat.tester|${pw2}|\n`,
      `|*Tool*|*Login*|*Password*|\n|Zabbix|Admin|${pw}|\n|Nagios|nagios|${pw2}|\n`,
      `<table>\n  <tr><th>System</th><th>User</th><th>Password</th></tr>\n  <tr><td>Router</td><td>admin</td><td>${pw}</td></tr>\n  <tr>\n    <td>NAS</td>\n    <td>root</td>\n    <td>${pw2}</td>\n  </tr>\n</table>`,
      `[cols="1,1,1"]\n|===\n|Host |User |Password\n\n|pg-stg-01\n|reporting\n|${pw}\n\n|pg-stg-02\n|etl\n|${pw2}\n|===\n`,
      `.. list-table::\n   :header-rows: 1\n\n   * - Role\n     - Username\n     - Password\n   * - admin\n     - admin@example.test\n     - ${pw}\n   * - viewer\n     - viewer@example.test\n     - ${pw2}\n`,
      `+-----------+-----------+------------------------+\n| Service   | User      | Password               |\n+===========+===========+========================+\n| Airflow   | airflow   | ${pw}   |\n+-----------+-----------+------------------------+\n| Grafana   | admin     | ${pw2}   |\n+-----------+-----------+------------------------+\n`,
    ]) {
      const out = sent(text);
      assert.ok(!out.includes(pw) && !out.includes(pw2), out);
      assert.match(out, /‹secret:/);
    }
  });
});
