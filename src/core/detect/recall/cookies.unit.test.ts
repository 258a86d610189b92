import { ALNUM, randomToken } from '../random';
import { findCookies } from './cookies';
import { assertHidden, assertUntouched } from './spanCases';

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
});
