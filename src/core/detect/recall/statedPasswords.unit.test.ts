import { assertHidden, assertUntouched, fake } from './spanCases';
import { findStatedPasswords } from './statedPasswords';

/** A chosen password as people type them: a word, a mark, a word and digits, drawn at test time. */
const chosen = (): string => `Wagtail!${fake(6)}7`;

describe('redact tier: passwords stated for a reader, in any tongue (statedPasswords.ts)', () => {
  it('hides a value after verbs, words, markup, arrows and full-width separators', () => {
    for (const line of [
      (p: string) => `password was changed to ${p}`,
      (p: string) => `I changed the root password to ${p} yesterday`,
      (p: string) => `Password should be ${p}`,
      (p: string) => `Tried password ${p} (confirmed with user) - still locked.`,
      (p: string) => `VPN password is in 1Password, but for now: \`${p}\``,
      (p: string) => `new wifi pw: ${p}`,
      (p: string) => `- **Password:** ${p}`,
      (p: string) => `> **pwd** = ${p}`,
      (p: string) => `password \u2192 ${p}`,
      (p: string) => `password -> ${p}`,
      (p: string) => `password \u2014 ${p}`,
      (p: string) => `password\uff1a${p}`,
      (p: string) => `PASSWORD\uff1d${p}`,
      (p: string) => `<p>Your temporary password is <strong>${p}</strong></p>`,
      (p: string) => `<tr><th>Password</th><td>${p}</td></tr>`,
      (p: string) => `&lt;password&gt;${p}&lt;/password&gt;`,
      (p: string) => `<password><![CDATA[${p}]]></password>`,
      (p: string) => `Your new password =3D ${p}`,
      (p: string) => `Le mot de passe est : ${p}`,
      (p: string) => `Das Passwort lautet ${p}`,
      (p: string) => `Kennwort f\u00fcr den Server ist ${p}`,
      (p: string) => `La contrase\u00f1a es ${p}`,
      (p: string) => `A senha \u00e9 ${p}`,
      (p: string) => `Het wachtwoord is ${p}`,
      (p: string) => `Kata sandi: ${p}`,
      (p: string) => `\u041f\u0430\u0440\u043e\u043b\u044c: ${p}`,
      (p: string) => `DB_\u041f\u0410\u0420\u041e\u041b\u042c=${p}`,
      (p: string) => `\u6570\u636e\u5e93\u5bc6\u7801\u662f ${p}`,
      (p: string) => `\u30d1\u30b9\u30ef\u30fc\u30c9\u306f${p}\u3067\u3059`,
      (p: string) => `\ube44\ubc00\ubc88\ud638: ${p}`,
      (p: string) => `\u0643\u0644\u0645\u0629 \u0627\u0644\u0645\u0631\u0648\u0631: ${p}`,
    ]) {
      const p = chosen();
      assertHidden(findStatedPasswords, line(p), [p]);
    }
  });

  it('hides a generated value after a key\u2019s or a token\u2019s word, and leaves a chosen one there', () => {
    const key = fake(32);
    assertHidden(findStatedPasswords, `<div>Your API key: <pre>${key}</pre></div>`, [key]);
    assertHidden(findStatedPasswords, `API\u30ad\u30fc\uff1a${key}`, [key]);
    assertHidden(findStatedPasswords, `\u8bbf\u95ee\u4ee4\u724c\uff1a${key}`, [key]);
    assertUntouched(findStatedPasswords, 'support admin api key auth, see the docs');
  });

  it('hides a generated value a verb or an arrow states after `token` or `secret` alone', () => {
    const value = fake(20);
    for (const line of [
      `echo "token is ${value}"`,
      `the client secret is ${value}`,
      `bot token \u2192 ${value}`,
      `Token was rotated to ${value} this morning`,
      `secret -> ${value}`,
    ]) {
      assertHidden(findStatedPasswords, line, [value]);
    }
    // Words alone: a list's near miss (`ngc token - '…'`), prose, code.
    for (const text of [
      `ngc token - '${value}'`,
      'the token is valid for 3600 seconds',
      'const token = tokens[i];',
      'if (token === undefined) { return secret; }',
      'the secret is out: the token was stale',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });

  it('hides one plain word a verb states as the password, and leaves the words prose says it is', () => {
    for (const [line, word] of [
      ['The Wi-Fi password is amberwheel', 'amberwheel'],
      ['the guest wifi password is sunflower.', 'sunflower'],
      ['Password was changed to Bluebird!', 'Bluebird'],
      ['The password is Sunflower, the username is admin.', 'Sunflower'],
      ['The admin password remains tulipfield.', 'tulipfield'],
      ['the admin password has been reset to tulipfield', 'tulipfield'],
      ['pw for the staging db is amberwheel', 'amberwheel'],
      ['Hi team, the new root pw: amberwheel', 'amberwheel'],
      ['mot de passe : amberwheel', 'amberwheel'],
      ['contrase\u00f1a: amberwheel', 'amberwheel'],
      ['Hey, my DB password is amberwheel and it fails with "access denied".', 'amberwheel'],
      ['The secret is "amberwheel".', 'amberwheel'],
    ] as const) {
      assertHidden(findStatedPasswords, line, [word]);
    }
    for (const text of [
      'the password is incorrect.',
      'The password is stored in the vault',
      'the password is hashed',
      'your password is too short',
      'the password was changed to protect the account',
      'a second password is read.  If the',
      'if password is None:',
      'password = self.keyring.get_password(url, username)',
      'user, pw = auth, None',
      'password: string',
      'Password: Required',
      'the password for the user is required',
      'password: params.password,',
      'the password is hashed and stored',
      'The password is required and must be 8 characters',
      'the token is "valid"',
      'Checks if the given token is an `else` token',
      'token => token.value === "async"',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });

  it('hides letters with digits a verb states after `token` alone, and a key named for what it guards', () => {
    const value = `amberwheel${fake(4).toLowerCase()}42`;
    assertHidden(findStatedPasswords, `my token looks like ${value}, is that valid?`, [value]);
    assertHidden(findStatedPasswords, `the token should be ${value} now`, [value]);
    for (const [line, word] of [
      ['the master key is amberwheel', 'amberwheel'],
      ['The encryption key was changed to tulipfield.', 'tulipfield'],
      [`the signing key is ${value}`, value],
    ] as const) {
      assertHidden(findStatedPasswords, line, [word]);
    }
    for (const text of [
      'declare function isArrowToken(token: CommentOrToken): token is ArrowToken$1;',
      'If the next token is a U+000A LINE FEED (LF) character',
      '* secret is a string that looks like `ek_1234`.',
      '* current master key data and all KRB5_TL_MKEY_AUX values, which contain',
      'the master key is stored in the HSM',
      'the encryption key is derived from the passphrase',
      'the signing key is RS256',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });

  it('reads the verbs, conjunctions and compounds of other tongues, and a draw of base64 with its / and =', () => {
    for (const line of [
      'Das Passwort f\u00fcr den Jenkins-Admin ist amberwheel, bitte nicht weitergeben.',
      "Salut, le mot de passe de la base de recette c'est amberwheel, l'utilisateur est recette.",
      'La contrase\u00f1a del wifi de la oficina es amberwheel por si alguien la necesita.',
      'A senha do root no servidor novo \u00e9 amberwheel, troca assim que puder.',
      'Ciao Luca, la password del server di test \u00e8 amberwheel e l\u2019utente \u00e8 admin.',
      '\u041f\u0430\u0440\u043e\u043b\u044c \u043e\u0442 \u0430\u0434\u043c\u0438\u043d\u043a\u0438 \u2014 amberwheel, \u043d\u0438\u043a\u043e\u043c\u0443.',
      'the new shared password for the QA admin account is amberwheel (same username as before)',
    ]) {
      assertHidden(findStatedPasswords, line, ['amberwheel']);
    }
    const draw = `${fake(20)}+/${fake(18)}==`;
    assertHidden(findStatedPasswords, `mein neues Initialpasswort lautet ${draw}, funktioniert aber nicht`, [
      draw,
    ]);
    assertHidden(findStatedPasswords, `Hoi Sanne, het wachtwoord voor de testomgeving is ${draw}.`, [draw]);
    assertUntouched(findStatedPasswords, 'Die Passwortrichtlinie ist streng.');
    assertUntouched(findStatedPasswords, 'the password is stored in /etc/app/secrets/db');
  });

  it('hides the one word a sentence ending with its colon puts on the next line', () => {
    assertHidden(
      findStatedPasswords,
      'Your temporary password is below:\namberwheel\nChange it at first login.',
      ['amberwheel'],
    );
    const key = fake(32);
    assertHidden(findStatedPasswords, `Here's the API key you asked for:\n\n${key}\nLet me know.`, [key]);
    assertUntouched(findStatedPasswords, 'password:\n  required: true');
    assertUntouched(findStatedPasswords, "Here's the API key you asked for:\nsee the vault entry");
  });

  it('leaves prose and code about passwords (real files\u2019 lines)', () => {
    for (const text of [
      ':param passphrase: (Optional) The password to decrypt the PKCS12 lump',
      'raise ValueError("Invalid password or PKCS12 data")',
      '<p>Lookup a password in the secret&nbsp;service.</p>',
      'userdata.password = password_ptr',
      'username, password = url_user_password',
      'Files: contrib/slapd-modules/passwd/kerberos.c',
      'is($cred->{password}, \'tzzknow\', "Got correct password");',
      '"pwd", "q", "s", "qby", "qbys", "qchi", "qchi_7", "qladder",',
      'The way "git svn" asked for password using SSH_ASKPASS and',
      '* **password** `string` (optional) - SOCKS5 proxy password for authentication.',
      'Comment[de]=GNOME-Schl\u00fcsselbunddienst: PKCS#11-Komponente',
      'the password is required',
      'password: process.env.DB_PASSWORD,',
      'if (!password) throw new Error("password is required");',
      'the password is sha256-hashed and stored in v2.3.1',
      // CodeQL's Swift test: the argument after `password:` is a name; a later argument is no password.
      'let _ = RNEncryptor(settings: s, password: myConstPassword, iv: myIV, hmacSalt: mySalt2, handler: h)',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });

  it('reads the verbs of nine more tongues, inflected words, a colon a few words on, and CJK grammar (hunt J)', () => {
    for (const line of [
      '# heslo je amberwheel',
      '# l\u00f6senordet \u00e4r amberwheel',
      '# adgangskoden er amberwheel',
      '# salasana on amberwheel',
      '# parola este amberwheel',
      '# \u03bf \u03ba\u03c9\u03b4\u03b9\u03ba\u03cc\u03c2 \u03b5\u03af\u03bd\u03b1\u03b9 amberwheel',
      '/* Kennwort des Dienstkontos: amberwheel */',
      '# parola d\u2019ordine: amberwheel',
      '\u041f\u0430\u0440\u043e\u043b\u044c \u043f\u043e \u0443\u043c\u043e\u043b\u0447\u0430\u043d\u0438\u044e: amberwheel',
      '\u6d4b\u8bd5\u8d26\u53f7\u5bc6\u7801\u662f\u201camberwheel\u201d',
      '\u30d1\u30b9\u30ef\u30fc\u30c9\u306f\u300camberwheel\u300d\u3067\u3059\u3002',
      '# DB \ube44\ubc00\ubc88\ud638\ub294 amberwheel \uc785\ub2c8\ub2e4',
    ]) {
      assertHidden(findStatedPasswords, line, ['amberwheel']);
    }
    // English's `to` is an infinitive's (`The password to submit.`), not Polish's `is`.
    assertUntouched(findStatedPasswords, '@param {string} password - The password to submit.');
    assertUntouched(findStatedPasswords, '\u5bc6\u7801\u662f\u5fc5\u586b\u9879');
  });

  it("hides a PIN's or a lock's code, a PAT, a recovery code and a seed phrase stated in notes (hunt N)", () => {
    const digits = (): string => `${Math.floor(1000 + Math.random() * 9000)}`;
    const drawn = fake(24);
    for (const [text, value] of [
      [`Door code for the server room is ${digits()} — please don't share it`, ''],
      [`Unlock with PIN ${digits()}`, ''],
      [`The office printer needs a PIN for colour jobs: ${digits()}`, ''],
      [`phone voicemail code: ${digits()}`, ''],
      [`2FA recovery code for the shared AWS root account: ${drawn}`, drawn],
      [`- GitLab PAT (expires 2024-09): ${drawn}`, drawn],
      [`Le code PIN de la carte est ${digits()}, merci de le changer.`, ''],
      [`Das WLAN-Passwort lautet ${chosen()}.`, ''],
      [`API 키: ${drawn}`, drawn],
      [`Clé API : ${drawn}`, drawn],
      [`\u{1F4F6} WiFi: CafeLab   \u{1F511} ${drawn}`, drawn],
    ] as const) {
      const v = value || /(\d{4}|Wagtail!\w+)/.exec(text)![1]!;
      assertHidden(findStatedPasswords, text, [v]);
    }
  });

  it('hides one chosen word set apart in code, bold or parentheses, or set with `to`, and leaves names there (hunt N)', () => {
    for (const [line, word] of [
      ['> login is `ops`, password `pepperanchor`', 'pepperanchor'],
      [
        'The default password for the appliance web UI is ``yellowguitar``. You will be asked to change it.',
        'yellowguitar',
      ],
      [
        'Username ``ops-readonly``, password ``candleisland``. Read-only on all prod clusters.',
        'candleisland',
      ],
      ['<p>The Wi-Fi password is <b>ladderzebra</b>.</p>', 'ladderzebra'],
      ['- the Wi-Fi password is **lanternfield**', 'lanternfield'],
      [
        'Root cause: the deploy script echoed the DB password (desertpepper) into the build log',
        'desertpepper',
      ],
      ['3. Set the BIOS supervisor password to valleyanchor (same on all kiosk machines).', 'valleyanchor'],
      ['change the admin password to tulipfield and restart', 'tulipfield'],
      [
        'the router admin password at the Leeds office is silverharbor in case you need to reboot it',
        'silverharbor',
      ],
    ] as const) {
      assertHidden(findStatedPasswords, line, [word]);
    }
    for (const text of [
      'Get the stored password for the `service` and `account`.',
      'When passing strings for <code>password</code> or <code>salt</code>, please consider',
      ':password: see the ``analytics`` entry in the team vault',
      '2. Log in as `wikiadmin` (password in the "Wiki" entry of the Ops vault)',
      'the password for `root` is in the vault',
      'hash the password (bcrypt) first',
      'Fill in the password (optional) and press Enter',
      "def open(self, mode='r', *args, pwd=None, **kwargs):",
      '**build**: switch realpath to pwd (bcoe) [#31095]',
      "crypt_r writes the hashed password to this field of its 'data' argument",
      'set the password to required',
      'the password is stored in the vault',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });

  it('hides a chosen word a verb states before a spaced dash, and leaves prose there', () => {
    assertHidden(
      findStatedPasswords,
      'The shared password for the demo tenant is mapleotter - it is reset every week',
      ['mapleotter'],
    );
    assertUntouched(findStatedPasswords, 'The password is required - it cannot be empty');
  });

  it('leaves the verb pin, a GPIO pin and a pat in code', () => {
    for (const text of [
      '**build**: pin Windows GitHub runner to windows-2019 (Richard Lau)',
      '// Pin the public key, similar to HPKP pin-sha256 pinning',
      "pat += '(?:%s+%s)*' % (valid_char, sep)",
      'GPIO pin 13 is the LED',
      'the PIN must have 4 to 8 digits',
    ]) {
      assertUntouched(findStatedPasswords, text);
    }
  });
});
