import * as assert from 'node:assert/strict';
import { BASE64URL, HEX } from '../random';
import { scan } from '../scanner';
import { fresh, mixed } from '../../../../test/support/freshValues';

// CI and build credentials, from Nosey Parker's rules and examples; every value is drawn here from its
// shape, never stored.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('CI and build credentials', () => {
  it('CodeClimate reporter ids under their two names, not other 64-hex values', () => {
    for (let i = 0; i < 10; i++) {
      const t = fresh(HEX, 64);
      assert.deepEqual(
        ids(`- uses: paambaati/codeclimate-action@v2.2.4\nenv:\n  CC_TEST_REPORTER_ID: ${t}\n`),
        ['codeclimate-reporter-id'],
      );
      assert.deepEqual(ids(` - RAILS_ENV=test CODECLIMATE_REPO_TOKEN=${t}`), ['codeclimate-reporter-id']);
      assert.deepEqual(ids(`  BUILD_SHA256: ${t}`), []);
    }
  });

  it('TeamCity tokens behind their fixed header, not other three-part values', () => {
    for (let i = 0; i < 10; i++) {
      const t = `eyJ0eXAiOiAiVENWMiJ9.${mixed(36, BASE64URL)}.${mixed(48, BASE64URL)}`;
      assert.deepEqual(ids(`<add key="ClearTextPassword" value="${t}" />`), ['teamcity-access-token']);
      assert.deepEqual(ids(t), ['teamcity-access-token']);
      assert.deepEqual(ids(`${t.slice(0, -1)}`), []);
    }
  });

  it('a Jenkins crumb in its header, 32 or 64 hex', () => {
    for (let i = 0; i < 10; i++) {
      for (const c of [fresh(HEX, 32), fresh(HEX, 64)]) {
        assert.deepEqual(ids(`curl -X POST https://ci.internal/job/app/build -H 'Jenkins-Crumb:${c}'`), [
          'jenkins-crumb',
        ]);
        assert.deepEqual(ids(`curl -X POST https://ci.internal/job/app/build -H 'X-Request-Id:${c}'`), []);
      }
    }
  });

  it('a literal compiled in through Gradle buildConfigField under a credential name, not a reference', () => {
    for (let i = 0; i < 10; i++) {
      const t = mixed(32);
      assert.deepEqual(ids(`buildConfigField 'String' , 'API_KEY' , '"${t}"'\tAPI_KEY\t`), [
        'gradle-build-config-secret',
      ]);
      assert.deepEqual(ids(`buildConfigField("String", "backendToken", "\\"${t}\\"")`), [
        'gradle-build-config-secret',
      ]);
      assert.deepEqual(ids(`buildConfigField "String", "BUILD_LABEL", "\\"${t}\\""`), []);
      assert.deepEqual(ids('buildConfigField "String", "API_KEY", "\\"${apiKey}\\""'), []);
    }
  });
});
