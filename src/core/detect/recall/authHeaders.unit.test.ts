import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken } from '../random';
import { findAuthHeaders } from './authHeaders';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findAuthHeaders, text, values);
const leaves = (text: string): void => assertUntouched(findAuthHeaders, text);

describe('redact tier: credentials in HTTP headers', () => {
  it('hides the credential after every scheme, and a bare one', () => {
    const basic = Buffer.from(`user:${fake()}`).toString('base64');
    hides(`Authorization: Basic ${basic}`, basic);
    hides('Authorization: Token q7Rm2xKp9LwZ4t', 'q7Rm2xKp9LwZ4t');
    hides('Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl');
    hides('Authorization: q7Rm2xKp9LwZ4tVb', 'q7Rm2xKp9LwZ4tVb');
    hides(`Proxy-Authorization: Basic ${basic}`, basic);
    // A colon after the scheme (gosec's G101 samples): the scheme stays, the token after it is hidden.
    const token = `${randomToken(ALNUM, 20)}4k9`;
    hides(`Authorization: Bearer: ${token}`, token);
    hides(`const ( bearer = "Bearer: ${token}" )`, token);
  });

  it('hides it in a list of values and in markup, ending at the list or the element', () => {
    const v = fake(20);
    // Betamax's JSON and VCR's YAML record each header as a list; JMeter's header manager as an element.
    const spans = (text: string): string[] => {
      const out: { start: number; end: number }[] = [];
      findAuthHeaders(text, out as never);
      // Two passes may find one value (the header, then its `Bearer`): the tier merges equal spans.
      return [...new Set(out.map((s) => text.slice(s.start, s.end)))];
    };
    assert.deepEqual(spans(`"headers": {"Authorization": ["Basic ${v}"], "Accept": ["application/json"]}`), [
      v,
    ]);
    assert.deepEqual(spans(`      Authorization: [Bearer ${v}]`), [v]);
    assert.deepEqual(spans(`<stringProp name="Header.value">Bearer ${v}</stringProp>`), [v]);
    assert.deepEqual(spans('      Authorization: [REDACTED]'), []);
  });

  it('hides it in code and on curl lines', () => {
    const bearer = randomToken(ALNUM, 16);
    hides(`headers: {"Authorization": "Bearer ${bearer}"}`, bearer);
    hides("xhr.setRequestHeader('Authorization', 'Token q7Rm2xKp9LwZ')", 'q7Rm2xKp9LwZ');
    hides(
      `curl -H 'Authorization: Bearer tk_${bearer.slice(2)}' https://example.org`,
      `tk_${bearer.slice(2)}`,
    );
    // Fixed fakes, which the report tier's curl-header-credential also reports in this file:
    hides('curl -H "X-Api-Key: k-Vb7Nm3Qp8Lz" https://example.org', 'k-Vb7Nm3Qp8Lz'); // secure-gpt-ignore
    hides('curl --header "X-Auth-Token: Vb7Nm3Qp8Lz" https://example.org', 'Vb7Nm3Qp8Lz'); // secure-gpt-ignore
    hides('fetch(u, { headers: { "authorization": `Bearer q7Rm2xKp9LwZ4tVb` } })', 'q7Rm2xKp9LwZ4tVb');
  });

  it('hides a generated value in a curl header of any name', () => {
    const uuid = [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');
    hides(`curl -X GET https://octopus.example.org/ -H "X-Octopus-Session: ${uuid}"`, uuid);
    const k = `${randomToken(ALNUM, 28)}7q3Z`;
    hides(`curl -H 'X-Vendor-Thing: ${k}' https://example.org`, k);
  });

  it('still hides a bare credential set in a config line or a request dump', () => {
    hides('AUTHORIZATION=q7Rm2xKp9LwZ4tVb', 'q7Rm2xKp9LwZ4tVb');
    hides('authorization = Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA==');
  });

  it("hides a header a web server's directive sets, and leaves a variable there", () => {
    const basic = Buffer.from(`user:${fake()}`).toString('base64');
    hides(`RequestHeader set Authorization "Basic ${basic}"`, basic);
    const key = fake(20);
    hides(`    proxy_set_header Authorization "Bearer ${key}";`, key);
    hides(`    proxy_set_header X-Api-Key ${key};`, key);
    hides(`RequestHeader set X-Api-Key "${key}"`, key);
    leaves('proxy_set_header Host $host;');
    leaves('proxy_set_header Authorization $http_authorization;');
    leaves('add_header X-Frame-Options SAMEORIGIN;');
  });

  it('hides a credential a call joins to its scheme, and a Ruby basic_auth pair', () => {
    const key = fake(20);
    hides(`res <- GET(url, add_headers(Authorization = paste("Bearer", "${key}")))`, key);
    hides(
      `client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${key}");`,
      key,
    );
    hides(`req.basic_auth 'admin', '${key}'`, key);
    leaves('new AuthenticationHeaderValue("Bearer", token)');
    // The scheme and a value of any shape making up a literal, or joined to it.
    hides('let tok = parse("Bearer amberwheel").unwrap();', 'amberwheel');
    hides('addHeader "Authorization" ("Bearer amberwheel" :: Text)', 'amberwheel');
    hides(`self.client.credentials(HTTP_AUTHORIZATION='Token ${key}')`, key);
    hides('(client/get url {:headers {"Authorization" (str "Bearer " "amberwheel")}})', 'amberwheel');
    leaves('"Token expired"');
    leaves('"Bearer token"');
    leaves("'Bearer YOUR_TOKEN'");
  });

  it('hides a Bearer token written anywhere', () => {
    hides('the token was Bearer q7Rm2xKp9LwZ4tVb8 yesterday', 'q7Rm2xKp9LwZ4tVb8');
  });

  it('leaves header names, references and placeholders alone', () => {
    for (const text of [
      'const AUTH_HEADER_NAME = "Authorization";',
      'headers["Authorization"] = f"Bearer {token}"',
      'headers = {"Authorization": token}',
      'headers.Authorization = "Bearer " + token;',
      'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user',
      'Authorization: Bearer <access_token>',
      'Authorization: Bearer YOUR_TOKEN',
      'curl -H "Authorization: Bearer <Openverse API token>" https://api.example.org',
      'curl -H "Authorization: basic {base64(email:password)}" => token',
      'fetch(u, { headers: { Authorization: `Bearer ${token}` } })',
      'The Authorization header carries the token.',
      'curl -H "Accept: application/json" https://example.org',
      'curl -H "X-Request-Id: 0f8fad5b-d9cb-469f-a165-70867728950e" https://example.org',
      'curl -H "X-Custom-Mode: fast-and-loose" -H "Content-Type: text/plain" https://example.org',
      'curl -H "X-Build: release-2024-05-01" https://example.org',
      // Code in installed software: a header set to a function, Python's http.server reading one.
      'return s.headers.authorization=function(e){return 3===e.split(/\\./).length}',
      '        authorization = self.headers.get("authorization")',
      '                authorization = authorization.split()',
    ]) {
      leaves(text);
    }
  });

  it('hides the password of a Basic credential built in code before it is encoded', () => {
    const hidesPassword = (text: string): void => assertHidden(findAuthHeaders, text, ['Tallow!Brook73']);
    for (const text of [
      "fetch(url, { headers: { 'Authorization': 'Basic ' + btoa('admin:Tallow!Brook73') } });",
      'String auth = Base64.getEncoder().encodeToString("admin:Tallow!Brook73".getBytes());',
      'var bytes = Encoding.ASCII.GetBytes("svc_export:Tallow!Brook73");',
      "req.setHeader('Authorization', 'Basic ' + EncodingUtil.base64Encode(Blob.valueOf('api:Tallow!Brook73')));",
      'req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("admin:Tallow!Brook73")))',
      'let header = format!("Basic {}", base64::encode("admin:Tallow!Brook73"));',
      'http -a ops:Tallow!Brook73 POST https://api.example.io/deploy',
      'client.get(url).basic_auth("svc", Some("Tallow!Brook73")).send().await?;',
      "$client = new \\GuzzleHttp\\Client(['auth' => ['api', 'Tallow!Brook73']]);",
    ]) {
      hidesPassword(text);
    }
    for (const text of [
      "btoa('hello world')",
      'base64.b64encode(b"key:value")',
      'Buffer.from(`${user}:${password}`).toString("base64")',
      'http -a $USER:$PASS POST https://api.example.io/deploy',
    ]) {
      assertUntouched(findAuthHeaders, text);
    }
  });

  it('hides a Basic password with blanks in it whole, up to the closing quote', () => {
    const words = ['orbit', 'lantern', fake(5), 'maple', String(randomToken('0123456789', 2))].join(' ');
    hides(`auth = base64.b64encode(b"deploy:${words}").decode()`, words);
    hides(`const h = 'Basic ' + btoa('admin:${words}');`, words);
    const colons = `${fake(4)}/3-b:{${fake(6)}!`;
    hides(`const h = { Authorization: 'Basic ' + btoa('ci-bot:${colons}') };`, colons);
    for (const text of [
      'x = base64.b64encode(b"Error: something went wrong")',
      'msg = base64.b64encode("Note:see the manual")',
      'payload = encode("status: all good here")',
    ]) {
      leaves(text);
    }
  });
});
