import { alnum, hex, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms that helper hunt J (304 placements of credential names in 28 tongues, 2026-12-07, late) found reaching
// the server, each sent at b1bfab5 and closed since, and three English gaps it turned up. Class 1 of issue 9.

/** A chosen password: two words run together, as people pick them (`amberwheel`). */
const chosen = (): string => `${word()}${word()}`.toLowerCase();

export function tongueCases(): AskCase[] {
  const w = Array.from({ length: 8 }, chosen);
  const k = [alnum(24), hex(32), alnum(24), hex(32)];
  return [
    one(1, 'Spanish name with its tilde in .env', '.env', `CONTRASE\u00d1A_BD=${w[0]}\n`, w[0]!),
    one(1, 'French name with accents in YAML', 'config.yml', `cl\u00e9_secr\u00e8te: ${k[0]}\n`, k[0]!),
    one(
      1,
      'Russian JSON key',
      'settings.json',
      `{"\u043f\u0430\u0440\u043e\u043b\u044c": "${w[1]}"}\n`,
      w[1]!,
    ),
    one(1, 'Chinese name in Python', 'db.py', `\u6570\u636e\u5e93\u5bc6\u7801 = "${w[2]}"\n`, w[2]!),
    one(
      1,
      'Japanese name, full-width colon',
      'notes.md',
      `# \u30d1\u30b9\u30ef\u30fc\u30c9\uff1a${w[3]}\n`,
      w[3]!,
    ),
    one(1, 'Portuguese key word with its qualifier after', 'app.js', `const chaveApi = "${k[1]}";\n`, k[1]!),
    one(
      1,
      'Markdown table headed in Russian',
      'README.md',
      `| \u0421\u0435\u0440\u0432\u0435\u0440 | \u041b\u043e\u0433\u0438\u043d | \u041f\u0430\u0440\u043e\u043b\u044c |\n|---|---|---|\n| db01 | admin | ${k[2]} |\n`,
      k[2]!,
    ),
    one(
      1,
      'C# auto-property initializer',
      'Settings.cs',
      `public class Settings\n{\n    public string Password { get; set; } = "${w[4]}";\n}\n`,
      w[4]!,
    ),
    one(1, 'value ending a block comment', 'db.c', `/* password: ${w[5]} */\nint connect(void);\n`, w[5]!),
    one(
      1,
      'vault kv get Key/Value table',
      'vault.txt',
      `====== Data ======\nKey         Value\n---         -----\npassword    ${w[6]}\nusername    app\n`,
      w[6]!,
    ),
    one(1, 'Swedish prose with its verb', 'notes.md', `# l\u00f6senordet \u00e4r ${w[7]}\n`, w[7]!),
    one(1, 'Indonesian name for an access key', '.env', `KUNCI_RAHASIA=${k[3]}\n`, k[3]!),
  ];
}
