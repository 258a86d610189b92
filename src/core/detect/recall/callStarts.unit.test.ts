import * as assert from 'node:assert/strict';
import { callNameStarts, eachMatchAt } from './callStarts';

/** What a global pattern finds, as [start, end) pairs. */
function globalMatches(text: string, source: string, flags = ''): [number, number][] {
  return [...text.matchAll(new RegExp(source, `g${flags}`))].map((m) => [m.index, m.index + m[0].length]);
}

function startMatches(text: string, source: string, flags = ''): [number, number][] {
  const found: [number, number][] = [];
  eachMatchAt(text, new RegExp(source, `y${flags}`), callNameStarts(text), (m, end) => {
    found.push([end - m[0].length, end]);
    return end;
  });
  return found;
}

describe('callStarts: where a call by name may start', () => {
  it("gives each word of the name before a '(' (joined by ., ::, ->, $, -, []), blanks before it read past", () => {
    const text = 'x = cfg.db.login ("u"); Net::FTP.open(h); $smtp->auth(u); fromDriverManager[IO](d); a-b(1)';
    const words = callNameStarts(text).map((s) => /^\w+/.exec(text.slice(s))![0]);
    assert.deepEqual(words, [
      'cfg',
      'db',
      'login',
      'Net',
      'FTP',
      'open',
      'smtp',
      'auth',
      'fromDriverManager',
      'IO',
      'a',
      'b',
    ]);
  });

  it('finds, tried at those starts, what a `\\b`-led call pattern finds over the whole text', () => {
    const pattern =
      '\\b(?:login|Net::FTP\\.open|(?:ssh|client)\\.connect|set\\w{0,12}?password)[ \\t]{0,4}\\([ \\t]{0,4}';
    const texts = [
      'api.login("admin", pw); client.connect(host, port, user, pw)',
      'Net::FTP.open(host, user, pw) and not Net::FTP .open, nor relogin(x)',
      'ds.setPassword("a"); DS.SETPASSWORD ("b"); usePassword("c")',
      'login(login(login(x)))',
      `${'a.'.repeat(60)}login(x)`,
      '',
      '((((',
    ];
    for (const text of texts) {
      assert.deepEqual(startMatches(text, pattern, 'i'), globalMatches(text, pattern, 'i'), text);
    }
  });

  it('resumes where the visit says, as a global pattern resumes after a match', () => {
    const text = 'login(a, login(b)) login(c)';
    const seen: number[] = [];
    eachMatchAt(text, /\blogin\(/y, callNameStarts(text), (m, end) => {
      seen.push(end - m[0].length);
      return text.indexOf(')', end) + 1; // past the first `)`: the inner call is skipped
    });
    assert.deepEqual(seen, [0, 19]);
  });
});
