import { alnum, b64, hex, word } from './values';
import type { AskCase } from './askCase';
import { one } from './askCase';

// Forms that two helper hunts (H: 658 code and config cases; I: 434 pasted ones) and the everyday-placements
// probes found reaching the server (2026-12-07, evening), each sent at 24a9bf3 and closed since. Classes as
// issue 9 numbers them.

/** A chosen password: two words run together, as people pick them (`amberwheel`). */
const chosen = (): string => `${word()}${word()}`.toLowerCase();

export function eveningCases(): AskCase[] {
  const w = Array.from({ length: 8 }, chosen);
  const k = [hex(32), `${b64(18)}+/${b64(18)}`, hex(40), alnum(24)];
  return [
    one(
      1,
      'chat: with password and a chosen word',
      'chat.md',
      `The admin account is admin with password ${w[0]}\n`,
      w[0]!,
    ),
    one(
      1,
      'chat: set PGPASSWORD to a word',
      'chat.md',
      `I set PGPASSWORD to ${w[1]} but psql still asks\n`,
      w[1]!,
    ),
    one(
      1,
      'German compound and verb',
      'ticket.txt',
      `Hallo IT,\nmein neues Initialpasswort lautet ${k[1]}, funktioniert aber nicht.\n`,
      k[1]!,
    ),
    one(
      1,
      'value on the line after a colon',
      'mail.txt',
      `Your temporary password is below:\n${w[2]}\nChange it at first login.\n`,
      w[2]!,
    ),
    one(
      2,
      'shell variable before a command with a quote',
      'session.txt',
      `$ PGPASSWORD=${w[3]} psql -h db -U app -c '\\dt'\n`,
      w[3]!,
    ),
    one(
      2,
      'zsh prompt with a path and a branch',
      'session.txt',
      `~/code/bot main* \u276f export OPENAI_API_KEY=${w[4]}\n`,
      w[4]!,
    ),
    one(
      2,
      'nginx sets an API key header',
      'site.conf',
      `location / {\n    proxy_set_header X-Api-Key ${w[1]};\n}\n`,
      w[1]!,
    ),
    one(
      2,
      'mosquitto -P after the port',
      'pub.sh',
      `mosquitto_pub -h mqtt.acme.io -p 8883 -u sensor01 -P ${w[5]} -t t\n`,
      w[5]!,
    ),
    one(
      2,
      'heroku auth:token output',
      'session.txt',
      `$ heroku auth:token\n \u203a   Warning: token will expire 05/02/2025\n${k[3]}\n`,
      k[3]!,
    ),
    one(
      1,
      'gdb prints a password pointer',
      'gdb.txt',
      `(gdb) p *cfg\n$1 = {host = 0x5555555592a0 "db", password = 0x5555555592e0 "${w[6]}", port = 5432}\n`,
      w[6]!,
    ),
    one(
      1,
      'Lombok toString',
      'app.log',
      `DatabaseConfig(url=jdbc:mysql://db:3306/app, username=app, password=${w[7]}, poolSize=10)\n`,
      w[7]!,
    ),
    one(1, 'hex key to an SDK client', 'bot.py', `bot = telebot.TeleBot("${k[0]}")\n`, k[0]!),
    one(1, 'base64 key to Twilio init', 'Sms.java', `Twilio.init(ACCOUNT_SID, "${k[1]}");\n`, k[1]!),
    one(1, 'Composer github-oauth', 'auth.json', `{"github-oauth": {"github.com": "${k[2]}"}}\n`, k[2]!),
    one(
      1,
      'Cypress types a password',
      'login.cy.js',
      `cy.get('[data-test=password]').type('${w[0]}')\n`,
      w[0]!,
    ),
    one(
      3,
      'query session value',
      'debug.log',
      `Last request: GET https://api.acme.io/v1/sync?session=${k[3]}\n`,
      k[3]!,
    ),
  ];
}
