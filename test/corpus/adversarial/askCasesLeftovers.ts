import { alnum, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// The third pair of hunts' forms that still reached the server at the stop before (2026-12-06), closed by the
// readers of that late morning (recall/keyedLiterals.ts, positionalCredentials.ts, keyBytes.ts,
// configDefaults.ts, chatCredentials.ts). Classes as issue 9 numbers them.

/** A password with a digit and a mark for sure, as people choose them. */
const password = (): string => `${word()}#${alnum(4)}7${alnum(2)}`;

/** A Solana keypair as `solana-keygen` writes it: 64 bytes as decimal numbers. */
function keypairBytes(): string {
  return Array.from({ length: 64 }, (_, i) => (i * 37 + alnum(1).charCodeAt(0)) % 256).join(',');
}

export function leftoverCases(): AskCase[] {
  const p = Array.from({ length: 12 }, password);
  const bytes = keypairBytes();
  return [
    one(
      1,
      'fallback after an environment read, Clojure',
      'config.clj',
      `(def db-pass (or (System/getenv "DB_PASS") "${p[0]}"))\n`,
      p[0]!,
    ),
    one(
      1,
      'configparser fallback',
      'settings.py',
      `db_password = config.get("db", "password", fallback="${p[1]}")\n`,
      p[1]!,
    ),
    one(
      1,
      'keychain setter naming its key',
      'Store.swift',
      `try keychain.set("${p[2]}", key: "db_password")\n`,
      p[2]!,
    ),
    one(
      2,
      'Haskell call without parentheses',
      'Client.hs',
      `let req = applyBasicAuth "api" "${p[3]}" initReq\n`,
      p[3]!,
    ),
    one(
      2,
      'MATLAB database connection',
      'load.m',
      `conn = database('salesdb','analyst','${p[4]}');\n`,
      p[4]!,
    ),
    one(
      1,
      'case class built with its password',
      'Db.scala',
      `case class DbConfig(url: String, user: String, password: String)\nval cfg = DbConfig("jdbc:postgresql://db/app", "app", "${p[5]}")\n`,
      p[5]!,
    ),
    one(
      4,
      'Solana keypair handed to its constructor',
      'payer.ts',
      `const payer = Keypair.fromSecretKey(Uint8Array.from([${bytes}]));\n`,
      bytes,
    ),
    // The CLI's own keypair file is never sent: the exclusion list names it.
    one(4, "Solana CLI's keypair file", '.config/solana/id.json', `[${bytes}]\n`, bytes),
    one(
      1,
      'CloudFormation NoEcho default',
      'stack.yml',
      `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: ${p[6]}\n`,
      p[6]!,
    ),
    one(
      1,
      'Go struct tag default',
      'config.go',
      `type Config struct {\n\tDBUser string \`default:"app"\`\n\tDBPassword string \`default:"${p[7]}"\`\n}\n`,
      p[7]!,
    ),
    one(1, 'a value before its word', 'notes.md', `Use ${p[8]} as the password.\n`, p[8]!),
    one(
      1,
      'users-table row with no column list',
      'seed.sql',
      `INSERT INTO users VALUES (1,'admin','${p[9]}','admin@example.io');\n`,
      p[9]!,
    ),
    one(
      2,
      'PowerShell plaintext turned secure',
      'deploy.ps1',
      `$plain = '${p[10]}'; $sec = $plain | ConvertTo-SecureString -AsPlainText -Force\n`,
      p[10]!,
    ),
  ];
}
