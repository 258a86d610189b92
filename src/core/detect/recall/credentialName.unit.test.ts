import * as assert from 'node:assert/strict';
import { credentialKind, splitWords } from './credentialName';
import { valueShapeFor, shapedName } from './nameShapes';

describe('redact tier: credential names', () => {
  it('splits names in every case style into words', () => {
    assert.deepEqual(splitWords('DB_PASSWORD_PRIMARY'), ['db', 'password', 'primary']);
    assert.deepEqual(splitWords('openaiKey'), ['openai', 'key']);
    assert.deepEqual(splitWords('x-api-key'), ['x', 'api', 'key']);
    assert.deepEqual(splitWords('APIKeyV2'), ['api', 'key', 'v2']);
  });

  it('names a credential whatever the case style, suffix or namespace', () => {
    const cases: Array<[string, string]> = [
      ['DB_PASSWORD', 'password'],
      ['DB_PASSWORD_PRIMARY', 'password'],
      // An account's id, then its password (Godot's `notarization/apple_id_password`).
      ['apple_id_password', 'password'],
      ['appleIdPassword', 'password'],
      ['private_key_file_pwd', 'password'],
      // A number glued to the word, as whispers' Go fixtures write them.
      ['static_password01', 'password'],
      ['token2', 'token'],
      ['POSTGRES_PASSWORD', 'password'],
      ['mysqlpassword', 'password'],
      ['SMTP_PASS', 'password'],
      ['db_pwd', 'password'],
      // Talisman's `pword`, alone, qualified and glued; and a role's name glued to `pwd`.
      ['SERVER_PWORD', 'password'],
      ['pword', 'password'],
      ['adminpwd', 'password'],
      // Advice after the word is no metadata about the value (2ms's `todo_secret_do_not_commit`).
      ['todo_secret_do_not_commit', 'secret'],
      ['API_KEY_NEVER_LOG', 'key'],
      ['spring.datasource.password', 'password'],
      ['API_KEY_V2', 'key'],
      ['HMAC_KEY', 'key'],
      ['openaiKey', 'key'],
      ['x-api-key', 'key'],
      ['apikey', 'secret'],
      ['client-secret', 'secret'],
      ['clientSecret', 'secret'],
      ['GITHUB_TOKEN', 'token'],
      ['authToken', 'token'],
      ['credentials', 'secret'],
      ['basic_auth', 'credential'],
      // A brand that opens with a metadata word: MessageBird is no message.
      ['MessageBirdToken', 'token'],
      ['MessageBird_TOKEN', 'token'],
      ['messageBirdToken', 'token'],
      // Whose credential it is, then the credential: the owner is no metadata about it.
      ['host_secret', 'secret'],
      ['SERVICE_TOKEN', 'token'],
      ['keyStorePassword', 'password'],
      // Short forms: Duo's secret key, a query's `tokenkey`.
      ['DUO_SKEY', 'credential'],
      ['tokenkey', 'token'],
      // A search service's key (Azure AI Search's admin and query keys, Algolia's): hidden, as any key is.
      ['azure_search_key', 'key'],
      ['searchKey', 'key'],
    ];
    for (const [name, kind] of cases) {
      assert.equal(credentialKind(name), kind, name);
    }
  });

  it('does not name a credential for metadata about one, or for ordinary keys', () => {
    for (const name of [
      'credentialLogger',
      'acquireTokenSilent',
      'password_hash',
      'passwordDigest',
      'token_type',
      'api_key_id',
      'id_password',
      'password_id',
      'password_file',
      'key_file',
      'keyId',
      'max_tokens',
      'MAX_TOKENS',
      'token_expiry_seconds',
      'password_min_length',
      'secretName',
      'apiKeyVersion',
      'cache_key',
      'sort_key',
      'partitionKey',
      'public_key',
      'VAPID_PUBLIC_KEY',
      'RECAPTCHA_SITE_KEY',
      'key',
      'keyboard',
      'tokenizer',
      'auth.password.tooShort',
      'password.length',
      'passwordLabel',
      'auth_method',
      'existingSecret',
      'bypass',
      'keyword',
      'crossword',
      'not_secret',
      'monkey',
      'errorMessageToken',
      'publicApiKey',
      'message_token',
      'idToken',
      'secret_host',
      'token_service_url',
      'host_key',
      'service_key',
      'whiskey',
    ]) {
      assert.equal(credentialKind(name), undefined, name);
    }
  });

  it('names no credential when the name says the value is not real, and still names its plain twin', () => {
    for (const name of [
      'nonMatchingToken',
      'non_valid_secret',
      'fakeApiKey',
      'DUMMY_PASSWORD',
      'bogus_token',
    ]) {
      assert.equal(credentialKind(name), undefined, name);
    }
    assert.equal(credentialKind('matchingToken'), 'token');
    assert.equal(credentialKind('nonceToken'), 'token');
    assert.equal(credentialKind('validSecret'), 'secret');
  });

  it("names other tongues' passwords, account keys, second-factor seeds, recovery phrases and peppers", () => {
    for (const [name, kind] of [
      ['DB_SENHA', 'password'],
      ['contrasena', 'password'],
      ['DB_KENNWORT', 'password'],
      ['mot_de_passe', 'password'],
      ['wachtwoord', 'password'],
      ['AZURE_STORAGE_ACCOUNT_KEY', 'key'],
      ['SERVICE_ACCOUNT_KEY', 'key'],
      ['TOTP_SEED', 'secret'],
      ['SEED_PHRASE', 'secret'],
      ['mnemonic', 'secret'],
      ['config.pepper', 'secret'],
    ] as const) {
      assert.equal(credentialKind(name), kind, name);
    }
    for (const name of ['storageKey', 'random_seed', 'seed', 'search_phrase', 'phrase']) {
      assert.equal(credentialKind(name), undefined, name);
    }
  });

  it('names a PIN by its last word, not a board\u2019s pin, and takes its digits only', () => {
    for (const name of ['ADMIN_PIN', 'sim_pin', 'pinCode', 'PIN', 'card-pin-code']) {
      assert.equal(credentialKind(name), 'password', name);
      assert.equal(valueShapeFor(name, false)?.('84920173'), true, name);
      assert.equal(valueShapeFor(name, false)?.('origin deb.example.org'), false, name);
    }
    for (const name of [
      'LED_PIN',
      'DATA_PIN',
      'GPIO_PIN',
      'CKR_PIN_LOCKED',
      'NI_GPCT_GATE_PIN_i_GATE_SELECT',
    ]) {
      assert.notEqual(credentialKind(name), 'password', name);
    }
    assert.equal(valueShapeFor('DB_PASSWORD', false), undefined);
  });

  it('names a namespace\u2019s key after a credential word, and not a cache\u2019s or a map\u2019s', () => {
    assert.equal(credentialKind('play.http.secret.key'), 'key');
    assert.equal(credentialKind('silhouette.authenticator.crypter.key'), 'key');
    assert.equal(credentialKind('cache.key'), undefined);
  });

  it('names a seed or a phrase under any name, and takes a recovery phrase or a key\u2019s hex there only', () => {
    const phrase = 'witch collapse practice feed shame open despair creek road again ice least';
    assert.equal(credentialKind('MY_SEED'), undefined);
    assert.equal(shapedName('MY_SEED'), 'secret');
    assert.equal(shapedName('seed_phrase'), 'secret');
    assert.equal(shapedName('DB_PASSWORD'), undefined);
    assert.equal(valueShapeFor('MY_SEED', false)?.(phrase), true);
    assert.equal(valueShapeFor('MY_SEED', false)?.('42'), false);
    assert.equal(valueShapeFor('random_seed', false)?.('my-app'), false);
    // A second factor's seed is a secret whatever its value: no shape is asked of it.
    assert.equal(valueShapeFor('TOTP_SEED', false), undefined);
  });

  it('names a second factor\u2019s secret under its own name', () => {
    assert.equal(credentialKind('login_totp'), 'secret');
    assert.equal(credentialKind('TOTP'), 'secret');
    assert.equal(credentialKind('totp_enabled'), undefined);
  });

  it('names Consul\u2019s encrypt only with a gossip key\u2019s value', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 73 + 11) % 256)).toString('base64');
    assert.equal(credentialKind('encrypt'), undefined);
    assert.equal(shapedName('encrypt'), 'key');
    assert.equal(valueShapeFor('encrypt', false)?.(key), true);
    assert.equal(valueShapeFor('encrypt', false)?.('true'), false);
    assert.equal(valueShapeFor('encrypt', false)?.('aes-256-gcm'), false);
  });
});
