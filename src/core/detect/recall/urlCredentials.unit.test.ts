import { findUrlCredentials } from './urlCredentials';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findUrlCredentials, text, values);
const leaves = (text: string): void => assertUntouched(findUrlCredentials, text);

describe('redact tier: credentials in URLs', () => {
  it('hides userinfo passwords for any scheme, whatever they contain', () => {
    hides('mongodb+srv://admin:p@ss:w/rd#1@cluster0.example.net/db', 'p@ss:w/rd#1');
    hides('postgresql://app:correct-horse@db.internal:5432/app', 'correct-horse');
    hides('mysql://root:Pa%40ss%2Fw0rd@127.0.0.1/app', 'Pa%40ss%2Fw0rd');
    hides('redis://:velvetokapi@cache:6379/0', 'velvetokapi');
    hides('amqp://guest:tangerine7@mq:5672/', 'tangerine7');
    hides('see https://bob:hunter22x@example.org/path', 'hunter22x');
    hides('ftps://deploy:brick-lane@files.example.org', 'brick-lane');
  });

  it('hides a token used as userinfo, alone or with a conventional user', () => {
    hides('git clone https://q7Rm2xKp9LwZ4tVb8Nc3@github.com/o/r.git', 'q7Rm2xKp9LwZ4tVb8Nc3');
    hides('https://x-access-token:q7Rm2xKp9LwZ@github.com/o/r', 'q7Rm2xKp9LwZ');
    hides('https://oauth2:glq7Rm2xKp9LwZ@gitlab.example.org/o/r.git', 'glq7Rm2xKp9LwZ');
    hides('https://q7Rm2xKp9LwZ4tVb8Nc3:x-oauth-basic@github.com/o/r', 'q7Rm2xKp9LwZ4tVb8Nc3');
  });

  it('hides credential query parameters and a URL-encoded DSN', () => {
    hides(
      'https://api.example.org/v1?api_key=q7Rm2x&key=Vb7Nm3&access_token=t0kQz&X-Amz-Signature=de4db33f',
      'q7Rm2x',
      'Vb7Nm3',
      't0kQz',
      'de4db33f',
    );
    hides('<a href="https://x.example.org/a?x=1&amp;token=Lk3Jh9">', 'Lk3Jh9');
    hides('https://s3.example.org/b/o?X-Amz-Credential=AKQ%2F2024%2Fus&sig=Zx9', 'AKQ%2F2024%2Fus', 'Zx9');
    hides('https://app.example.org/?dsn=postgres%3A%2F%2Fu%3Apw%2Fsecret%40h%2Fdb&x=1', 'pw%2Fsecret');
  });

  it('leaves URLs without credentials, and placeholders', () => {
    for (const text of [
      'https://registry.npmjs.org/@babel/core',
      'https://medium.com/@someone/post',
      'ssh://git@github.com/o/r.git',
      'postgres://postgres@localhost:5432/app',
      'DATABASE_URL=postgres://user:password@localhost:5432/app',
      'MONGO_URI=mongodb://<username>:<password>@cluster0.example.mongodb.net/test',
      'REDIS_URL=redis://:yourpassword@localhost:6379',
      'postgres://app:${DB_PASSWORD}@db/app',
      'https://example.org/search?q=token&page=2',
      'https://example.org/a?key={key}&token=:token',
      'https://user@example.org/',
      'mailto:someone@example.org',
      'const t = a?b.token:c;',
    ]) {
      leaves(text);
    }
  });
});
