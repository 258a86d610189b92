import { LOWER_ALNUM, randomToken } from '../random';
import { findJdbcUrls } from './jdbcUrls';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findJdbcUrls, text, values);
const leaves = (text: string): void => assertUntouched(findJdbcUrls, text);
const word = (n: number): string => randomToken(LOWER_ALNUM, n);

describe('redact tier: JDBC URLs', () => {
  it('hides a JDBC URL whole, in XML, properties and code', () => {
    const withUser = `jdbc:postgresql://app:${fake()}@${word(9)}:5432/orders`;
    hides(`<jdbc-url>${withUser}</jdbc-url>`, withUser);
    const params = `jdbc:sqlserver://${word(9)}:1433;databaseName=db;user=sa;password=${fake()}`;
    hides(`spring.datasource.url=${params}`, params);
    const oracle = `jdbc:oracle:thin:scott/${fake()}@${word(8)}:1521:orcl`;
    hides(`String url = "${oracle}";`, oracle);
    // A pasted password with marks a URL would encode.
    const marked = `jdbc:oracle:thin:app/^${fake(4)}&!${fake(6)}#|${fake(2)}@${word(8)}:1521/ORCL`;
    hides(`spring.datasource.url=${marked}\n`, marked);
    const mysql = `jdbc:mysql:${word(9)}:3306/mydatabase`;
    hides(`url: '${mysql}'`, mysql);
  });

  it('leaves templates, short samples, cut URLs and words that only end in jdbc', () => {
    for (const text of [
      '"jdbc:xyz:short"',
      'somejdbc:mysql://host/db',
      'jdbc:invalid_driver:test',
      'jdbc:mysql://host/db>next',
      'jdbc:my?ql:localhost:3306/my database',
      '<jdbc-url>jdbc:postgresql://#{uri.host}#{uri.path}?user=#{uri.user}</jdbc-url>',
      'url=jdbc:postgresql://${DB_HOST}:5432/app',
      'the jdbc: prefix names the driver',
    ]) {
      leaves(text);
    }
  });

  it('stays linear on a flood of prefixes', () => {
    leaves('jdbc:a:'.repeat(50_000));
  });
});
