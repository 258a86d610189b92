import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const tagged = (head = 76, tail = 4): string => `${randomToken(ALNUM, head)}AZDO${randomToken(ALNUM, tail)}`;

describe('azure-devops-pat', () => {
  it('takes the AZDO tag at its place, with or without JQQJ9, alone or assigned', () => {
    const plain = tagged();
    assert.deepEqual(ids(plain), ['azure-devops-pat']);
    assert.deepEqual(ids(`token = '${plain}'\n`), ['azure-devops-pat']);
    const full = `${randomToken(ALNUM, 52)}JQQJ99${randomToken(ALNUM, 18)}AZDO${randomToken(ALNUM, 4)}`;
    assert.deepEqual(ids(`AZURE_DEVOPS_PAT=${full}`), ['azure-devops-pat']);
    // Two on one line, and one at the very start and end of the text.
    const two = `${tagged()} ${tagged()}`;
    assert.deepEqual(ids(two), ['azure-devops-pat', 'azure-devops-pat']);
  });

  it('leaves the tag at another place, or a run that goes on past the token', () => {
    for (const text of [
      tagged(75),
      tagged(77),
      tagged(76, 5),
      `x${tagged()}`,
      `${tagged()}9`,
      tagged(76, 3),
    ]) {
      assert.ok(!ids(text).includes('azure-devops-pat'), text.length.toString());
    }
  });
});
