import { alnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms that helper hunt K (375 placements in enterprise, config-as-code, niche-language and data
// platforms, 2026-12-07, late) found reaching the server, each sent at edda717 and closed since. Class 1 of
// issue 9.

/** A chosen password: two words run together, as people pick them (`amberwheel`). */
const chosen = (): string => `${word()}${word()}`.toLowerCase();

export function longTailCases(): AskCase[] {
  const w = Array.from({ length: 10 }, chosen);
  const k = alnum(24);
  return [
    one(1, 'IPython %env magic', 'train.ipynb.py', `%env OPENAI_API_KEY=${w[0]}\nimport openai\n`, w[0]!),
    one(1, 'Bazel --action_env', '.bazelrc', `build --action_env=DB_PASSWORD=${w[1]}\n`, w[1]!),
    one(
      1,
      'PL/SQL constant with its type',
      'pkg.sql',
      `  c_pwd CONSTANT VARCHAR2(30) := '${w[2]}';\n`,
      w[2]!,
    ),
    one(
      1,
      'T-SQL DECLARE with N prefix',
      'job.sql',
      `DECLARE @Password NVARCHAR(100) = N'${w[3]}';\n`,
      w[3]!,
    ),
    one(1, 'COBOL PIC VALUE', 'PAYROLL.cbl', `       01 WS-API-KEY PIC X(40) VALUE "${w[4]}".\n`, w[4]!),
    one(
      1,
      'spark-defaults.conf column',
      'spark-defaults.conf',
      `spark.ssl.enabled               true\nspark.ssl.keyStorePassword      ${w[5]}\n`,
      w[5]!,
    ),
    one(
      1,
      'Tekton param default',
      'task.yaml',
      `  params:\n    - name: registry-password\n      type: string\n      default: ${w[6]}\n`,
      w[6]!,
    ),
    one(
      1,
      'Groovy Sql.newInstance',
      'report.groovy',
      `def sql = Sql.newInstance('jdbc:mysql://db01/app', 'app', '${w[7]}', 'com.mysql.cj.jdbc.Driver')\n`,
      w[7]!,
    ),
    one(
      1,
      'CDK C# UnsafePlainText',
      'Stack.cs',
      `    MasterUserPassword = SecretValue.UnsafePlainText("${w[8]}"),\n`,
      w[8]!,
    ),
    one(1, 'Perl %ENV subscript', 'deploy.pl', `$ENV{'AWS_SECRET_ACCESS_KEY'} = '${w[9]}';\n`, w[9]!),
    one(1, 'beeline -p', 'run.sh', `beeline -u jdbc:hive2://hs2.corp:10000/default -n etl -p ${k}\n`, k),
  ];
}
