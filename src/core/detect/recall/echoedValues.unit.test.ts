import { HEX, randomToken } from '../random';
import { findEchoedValues } from './echoedValues';
import { assertHidden, assertUntouched, fake, uuidDraw } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findEchoedValues, text, [value]);
const leaves = (text: string): void => assertUntouched(findEchoedValues, text);

/** A notebook cell as nbformat writes it: its outputs, then its source. */
const cell = (result: string, source: string): string =>
  `  {\n   "cell_type": "code",\n   "execution_count": 4,\n   "outputs": [\n    {\n     "data": {\n      "text/plain": [\n       "${result}"\n      ]\n     },\n     "execution_count": 4,\n     "output_type": "execute_result"\n    }\n   ],\n   "source": [\n    "${source}"\n   ]\n  }`;

describe('redact tier: a value printed under the environment read that named it', () => {
  it("hides a REPL's echo of a credential's variable", () => {
    const password = `${fake(8)}(${fake(7)}`;
    const key = randomToken(HEX, 32);
    hides(`irb(main):001> ENV["SECRET_KEY"]\n=> "${key}"\n`, key);
    hides(`[1] pry(main)> ENV.fetch("API_TOKEN")\n=> "${key}"\n`, key);
    hides(`>>> os.environ["DB_PASS"]\n'${password}'\n>>> \n`, password);
    const secret = fake(40);
    hides(`>>> os.getenv('AWS_SECRET_ACCESS_KEY')\n'${secret}'\n`, secret);
    const phrase = `${fake(6)} ${fake(7)} ${fake(6)} ${fake(5)}`;
    hides(`> process.env.VAULT_PASSWORD\n'${phrase}'\n`, phrase);
    hides(`In [3]: os.environ.get("SERVICE_TOKEN")\nOut[3]: '${password}'\n`, password);
  });

  it("hides a notebook cell's result when the cell's source is the read", () => {
    const key = randomToken(HEX, 64);
    const token = uuidDraw();
    hides(`{"cells": [\n${cell(`'${key}'`, 'os.environ[\\"HMAC_KEY\\"]')}\n]}\n`, key);
    hides(`{"cells": [\n${cell(`'${token}'`, "os.getenv('SERVICE_TOKEN')")}\n]}\n`, token);
  });

  it('leaves the echo of an ordinary variable, another cell, and a prompt that reads no variable', () => {
    leaves(`>>> os.environ["HOME"]\n'/home/${fake(8)}'\n`);
    leaves(`irb(main):002> ENV["RAILS_ENV"]\n=> "production"\n`);
    leaves(`>>> password_policy()\n'${fake(12)}'\n`);
    leaves(`{"cells": [\n${cell("'/usr/local/bin'", 'os.environ[\\"PATH\\"]')}\n]}\n`);
    // The result belongs to the cell before; this cell's source is another read.
    const other = `{"cells": [\n${cell(`'${fake(16)}'`, 'x = 1')},\n${cell('', 'os.environ[\\"API_KEY\\"]')}\n]}\n`;
    leaves(other.replace('"text/plain": [\n       ""', '"text/plain": [\n       "1"'));
  });
});
