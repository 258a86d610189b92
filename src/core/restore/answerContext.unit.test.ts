import * as assert from 'node:assert/strict';
import { dangerousContext } from './answerContext';

const P = '‹secret:github-pat#1›';

/** The context of the first `P` in `code`. */
const at = (code: string, shellBlock = false) =>
  dangerousContext(code, code.indexOf(P), code.indexOf(P) + P.length, shellBlock)?.kind;

describe('dangerous contexts of a placeholder', () => {
  it('finds URLs, network calls, shell calls and shell lines', () => {
    assert.equal(at(`see https://x.example/cb?token=${P}`), 'url');
    assert.equal(at(`git clone https://user:${P}@git.example/r.git`), 'url');
    assert.equal(at(`axios.get(u, { headers: { Authorization: "Bearer ${P}" } })`), 'network');
    assert.equal(at(`http.request({\n  host: h,\n  auth: '${P}',`), 'network');
    assert.equal(at(`Invoke-RestMethod -Uri $u -Headers @{ t = "${P}" }`), 'network');
    assert.equal(at(`subprocess.run(["deploy", "${P}"])`), 'shell');
    assert.equal(at(`$ deploy --token ${P}`), 'shell');
    assert.equal(at(`docker login \\\n  -p ${P}`), 'shell');
    assert.equal(at(`TOKEN=${P} ./deploy`, true), 'shell');
  });

  it('leaves ordinary code alone: an assignment, a call that ended above, a later URL, exec on a regex', () => {
    assert.equal(at(`const token = "${P}";`), undefined);
    assert.equal(at(`await fetch(url);\nconst token = "${P}";`), undefined);
    assert.equal(at(`const t = "${P}"; // docs: https://docs.example`), undefined);
    assert.equal(at(`const m = pattern.exec(line) ?? "${P}";`), undefined);
    assert.equal(at(`await fetch(url);\n\nconst token = "${P}";`), undefined);
  });
});
