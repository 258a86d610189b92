import { assertHidden, assertUntouched, fake } from './spanCases';
import { findNamedLiterals } from './namedLiterals';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

// Credential-named literals that helper hunts J (names in other tongues, with English gaps), K (enterprise,
// config-as-code, niche-language and data platforms) and L (configuration dumps) found sent on 2026-12-07;
// values drawn at test time.
describe('redact tier: credential-named literals, the long tail (namedLiterals.ts, nameForms.ts)', () => {
  it('reads the long tail of hunt K: command-line prefixes, declared types, subscripts, config columns, parameters', () => {
    const w = `amber${fake(6)
      .toLowerCase()
      .replace(/[^a-z]/g, 'q')}`;
    for (const line of [
      `%env OPENAI_API_KEY=${w}`,
      `env DB_PASSWORD=${w} ./run.sh`,
      `echo "export API_KEY=${w}" >> ~/.bashrc`,
      `build --action_env=DB_PASSWORD=${w}`,
      `flutter run --dart-define=API_KEY=${w}`,
      `spark-submit --conf spark.hadoop.fs.s3a.secret.key=${w} app.py`,
      `%let pwd=${w};`,
      `v_pwd CONSTANT VARCHAR2(30) := '${w}';`,
      `DECLARE @ApiKey NVARCHAR(100) = N'${w}';`,
      `       01 WS-PASSWORD PIC X(20) VALUE '${w}'.`,
      `DATA lv_password TYPE string VALUE '${w}'.`,
      `$ENV{'AWS_SECRET_ACCESS_KEY'} = '${w}';`,
      `const dbPassword* = "${w}"`,
      `spark.ssl.keyStorePassword      ${w}`,
      `fs.azure.account.key.acmelake.dfs.core.windows.net=${w}`,
      `        password(name: 'DEPLOY_PASS', defaultValue: '${w}', description: 'deploy')`,
      `  params:\n    - name: registry-password\n      type: string\n      default: ${w}\n`,
    ]) {
      hides(line, w);
    }
    hides(`            .environment(Map.of("DB_PASSWORD", "${w}"))`, w);
    const apiKey = fake(24);
    hides(`RawHeader("X-Api-Key", "${apiKey}")`, apiKey);
    hides(`Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Winlogon' -Name DefaultPassword -Value '${w}'`, w);
    hides(`reg add "HKLM\\SOFTWARE\\Winlogon" /v DefaultPassword /t REG_SZ /d ${w} /f`, w);
    hides(`EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ERP', @rmtpassword = N'${w}';`, w);
    hides(`  secretKey:: '${w}',`, w);
    hides(`options metaserver="meta01" metapass="${w}";`, w);
    hides(`postgresql::server::postgres_password: ${w}`, w);
    leaves('foo::bar::password_field = qux;');
    leaves("Set-ItemProperty -Path . -Name DefaultUserName -Value 'admin'");
    leaves(
      '$result | Add-Member -MemberType NoteProperty -Name Token -Value ($token.Token | ConvertFrom-SecureString)',
    );
    hides(`setx DB_PASSWORD ${w}`, w);
    hides(
      `Name                           Value\n----                           -----\nDB_PASSWORD                    ${w}\n`,
      w,
    );
    hides(`  password ....................................... ${w}\n`, w);
    leaves('DB_PASSWORD reset');
    hides(`SETX API_TOKEN "${w}"`, w);
    leaves('spark.ssl.keyStorePassword reset');
    // References and prompts are no values: CloudFormation's dynamic reference, PowerShell's Read-Host.
    leaves("      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'");
    leaves("$pw = Read-Host -AsSecureString 'Password'");
    leaves('XMLSEC_CRYPTO_EXPORT SECKEYPrivateKey*  xmlSecNssGetPrivKey   (xmlSecKeyDataPtr data);');
    leaves('   _trackedKeys = /* @__PURE__ */ new Map();');
  });

  it("hides a C# auto-property's initializer, and not a property named otherwise", () => {
    const v = fake(16);
    hides(`public string Password { get; set; } = "${v}";`, v);
    hides(`public string ApiKey { get; init; } = @"${v}";`, v);
    hides(`public string Kennwort { get; private set; } = "${v}";`, v);
    leaves(`public string Name { get; set; } = "${v}";`);
  });

  it('hides a value that ends a block or markup comment, and reads a comment line of JSDoc', () => {
    hides('/* password: marbleotter7 */', 'marbleotter7');
    hides('<!-- token: velvetlantern -->', 'velvetlantern');
    hides(' * password: velvetlantern\n', 'velvetlantern');
    leaves('/* password: required */');
  });
});
