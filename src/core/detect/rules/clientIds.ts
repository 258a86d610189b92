import { ALNUM, LOWER_ALNUM, UPPER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { keyed } from './fixedPrefix';
import { lettersAndDigits, numericId, randomDigits } from './ruleParts';

// OAuth client ids held under a credential name. A client id alone identifies an application and is
// often public; it is one half of the credential the app signs in with, and a value a file names as the
// provider's key, token or secret (`ASANA_TOKEN=<16 digits>`, `discordToken = "<snowflake>"`) is that
// half kept beside, or in place of, its secret. gitleaks reports these ids beside the provider's name;
// this project asks for the credential word too (`DISCORD_CLIENT_ID=…` alone is not reported), and they
// stay warnings: rotating the secret, not the id, is the fix. Formats are facts from the vendors'
// documentation and the peers' rule sets; patterns and cases are our own.

/** A fresh id of `n` digits that `randomDigits` accepts (a draw repeats a digit five times now and then). */
function idOf(n: number): string {
  for (;;) {
    const id = numericId(n);
    if (randomDigits(id)) {
      return id;
    }
  }
}

/** `idOf(n - 1)` after a 0, as a file may pad a snowflake, and random by `randomDigits` as a whole. */
function paddedId(n: number): string {
  for (;;) {
    const id = `0${idOf(n - 1)}`;
    if (randomDigits(id)) {
      return id;
    }
  }
}

const where = (name: string, t: string): string[] => [
  `${name.toUpperCase()}_TOKEN=${t}`,
  `  ${name}_key: '${t}'`,
  `const ${name}Secret = "${t}";`,
];

export const clientIdRules: readonly Rule[] = [
  keyed({
    id: 'asana-client-id',
    provider: 'Asana',
    description: 'Asana OAuth client id under a credential name',
    risk: 'the id half of an Asana app credential: with its client secret it signs users in as your app',
    words: ['asana'],
    // Asana's ids are 16-digit numbers (gitleaks reads them so).
    value: '[0-9]{16}',
    valueMax: 16,
    minEntropy: 2.5,
    validate: randomDigits,
    make: () => idOf(16),
    revokeUrl: 'https://app.asana.com/0/my-apps',
    lines: (t) => where('asana', t),
    negatives: [
      'ASANA_CLIENT_ID=1204567890123456',
      'asana_token: 1111111111111111',
      'asana_key = 1000000000000000',
    ],
  }),
  keyed({
    id: 'discord-client-id',
    provider: 'Discord',
    description: 'Discord application (client) id under a credential name',
    risk: 'the id half of a Discord app credential: with its client secret it signs users in as your app',
    words: ['discord'],
    // A snowflake: 17 to 20 digits, which grow with the creation time; a file may pad one with zeros on
    // the left (gitleaks reads any 18 digits under the name).
    value: '[0-9]{17,20}',
    valueMax: 20,
    minEntropy: 2.5,
    validate: randomDigits,
    make: () => (randomFraction() < 0.25 ? paddedId(18) : idOf(18)),
    revokeUrl: 'https://discord.com/developers/applications',
    lines: (t) => [...where('discord', t), `  "discordToken" => "${t}"`],
    negatives: [
      'DISCORD_CLIENT_ID=534853675297078228',
      'discord_token: 0000000000000000',
      'discord_token: 000000000000000000',
      'discordKey = 12345678901234567890',
    ],
  }),
  keyed({
    id: 'linkedin-client-id',
    provider: 'LinkedIn',
    description: 'LinkedIn OAuth client id under a credential name',
    risk: 'the id half of a LinkedIn app credential: with its client secret it signs members in as your app',
    words: ['linkedin', 'linked_in'],
    // LinkedIn's client ids are 14 lower-case letters and digits.
    value: '[a-z0-9]{14}',
    valueMax: 14,
    // 2.6 bits: one random id in 10,000 falls below it (at 2.8, one in 800: `jro0jrj3runinj`, a seeded draw).
    minEntropy: 2.6,
    validate: lettersAndDigits,
    make: () => randomToken(LOWER_ALNUM, 14),
    revokeUrl: 'https://www.linkedin.com/developers/apps',
    lines: (t) => where('linkedin', t),
    negatives: [
      'LINKEDIN_CLIENT_ID=86abcdef123456',
      'linkedin_token: "productionkeys"',
      'linkedinKey = "aaaaaaaaaaaaaa"',
    ],
  }),
  keyed({
    id: 'looker-client-id',
    provider: 'Looker',
    description: 'Looker API client id under a credential name',
    risk: 'the id half of a Looker API3 credential: with its client secret it calls the Looker API as its user',
    words: ['looker'],
    // API3 client ids are 20 letters and digits (the secret beside them is 24: looker-client-secret).
    value: '[A-Za-z0-9]{20}',
    valueMax: 20,
    // As linkedin-client-id's floor: one random id in thousands falls below it.
    minEntropy: 2.6,
    validate: lettersAndDigits,
    make: () => randomToken(ALNUM, 20),
    revokeUrl: 'https://cloud.google.com/looker/docs/api-auth',
    lines: (t) => [...where('looker', t), `looker_TOKEN :::= "${t}"`],
    negatives: [
      'LOOKER_CLIENT_ID=Ab3dEf5hIj7lMn9pQr1t',
      'looker_token: "lookerproductionkeys"',
      'lookerKey = "aaaaaaaaaaaaaaaaaaaa"',
    ],
  }),
  keyed({
    id: 'salesforce-consumer-key',
    provider: 'Salesforce',
    description: 'Salesforce connected app consumer key under a credential name',
    risk: 'the id half of a Salesforce connected app credential: with its consumer secret it gets tokens for your org',
    words: ['salesforce', 'sfdc', 'consumer'],
    // A connected app's consumer key: `3MVG9`, then 80 or more letters, digits, `.` and `_`.
    value: '3MVG9[A-Za-z0-9._]{70,251}',
    valueMax: 256,
    make: () => `3MVG9${randomToken(ALNUM, 56)}.${randomToken(ALNUM, 19)}.${randomToken(UPPER_ALNUM, 3)}`,
    revokeUrl: 'https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm',
    lines: (t) => [`salesforce_key = "${t}"`, `SFDC_CONSUMER_KEY=${t}`, `  consumer_key: '${t}'`],
    negatives: [
      `SALESFORCE_CLIENT_ID=3MVG9${'A1b2'.repeat(20)}`,
      'salesforce_key = "3MVG9xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'consumer_key = "3MVG9"',
    ],
  }),
];
