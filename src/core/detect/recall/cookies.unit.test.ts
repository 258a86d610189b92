import { ALNUM, randomToken } from '../random';
import { findCookies } from './cookies';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findCookies, text, values);
const leaves = (text: string): void => assertUntouched(findCookies, text);

describe('redact tier: session cookies (cookies.ts)', () => {
  it('hides session and sign-in cookies in headers, curl and document.cookie', () => {
    const sid = randomToken(ALNUM, 32);
    hides(`Cookie: session=${sid}; csrftoken=abc`, sid);
    hides(`Set-Cookie: sessionid=${sid}; Path=/; HttpOnly; Secure`, sid);
    hides(`curl -b "PHPSESSID=${sid}; lang=en" https://intranet.example.com/`, sid);
    hides(`curl --cookie 'connect.sid=s%3A${sid}' https://app.example.com/`, `s%3A${sid}`);
    hides(`document.cookie = "remember_token=${sid}; path=/";`, sid);
    // An unnamed cookie whose value reads as generated.
    hides(`Cookie: theme=dark; _ga_x=${sid}`, sid);
  });

  it('leaves attributes, settings, anti-forgery tokens, variables and code about cookies', () => {
    leaves('Set-Cookie: lang=en-US; Path=/; Max-Age=3600');
    leaves('Cookie: csrftoken=Jf8kQ2mW9xLp4RtZ7vBn3cYh6sDe1gAq');
    leaves('Cookie: theme=dark; session=$SESSION_ID');
    leaves('cookie = request.cookies.get("session")');
    leaves("'%0d%0aSet-Cookie:%20sid=attacker:/p'");
  });

  it('hides a session cookie in a copied request, a HAR, a PowerShell session, a dict and a cookie jar', () => {
    const v = `k8v2m9${fake(18)}`;
    for (const text of [
      `fetch("https://shop.example.io/cart", { "headers": { "cookie": "PHPSESSID=${v}; lang=en" } });`,
      `headers: { Cookie: 'connect.sid=s%3A${v}' }`,
      `$headers = @{\n  "Cookie" = "session=${v}"\n}`,
      `{"name":"sessionid","value":"${v}","domain":".example.io","httpOnly":true}`,
      `"header": [{"key": "Cookie", "value": "sessionid=${v}"}]`,
      `$session.Cookies.Add((New-Object System.Net.Cookie("ASP.NET_SessionId", "${v}", "/", "portal.example.io")))`,
      `cookies = {"sessionid": "${v}", "theme": "dark"}`,
      `.example.io\tTRUE\t/\tTRUE\t1735689600\tsessionid\t${v}`,
    ]) {
      hides(text, v);
    }
    leaves('{"name":"theme","value":"dark"}');
    leaves(`{"name":"csrftoken","value":"${v}"}`);
    leaves('.example.io\tTRUE\t/\tFALSE\t1735689600\tlang\ten');
  });
});
