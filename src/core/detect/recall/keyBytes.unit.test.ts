import { randomIndex, randomToken, BASE64, HEX } from '../random';
import { assertHidden, assertUntouched } from './spanCases';
import { findKeyBytes } from './keyBytes';

const hides = (text: string, value: string): void => assertHidden(findKeyBytes, text, [value]);
const leaves = (text: string): void => assertUntouched(findKeyBytes, text);
const bytes = (n: number): string => Array.from({ length: n }, () => String(randomIndex(256))).join(',');

describe('redact tier: keys written in forms of their own (keyBytes.ts)', () => {
  it('hides a Solana keypair\u2019s bytes, whole or cut short', () => {
    const whole = bytes(64);
    assertHidden(findKeyBytes, `solana-keygen recover: [${whole}]`, [whole]);
    assertHidden(findKeyBytes, `PRIVATE_KEY=[${whole}]`, [whole]);
    const cut = bytes(32);
    assertHidden(findKeyBytes, `anchor keys: solana address -k ~/.config/solana/id.json\n[${cut},...]`, [
      cut,
    ]);
    const spaced = bytes(64).replace(/,/g, ', ');
    assertHidden(findKeyBytes, `const payer = Keypair.fromSecretKey(Uint8Array.from([${spaced}]));`, [
      spaced,
    ]);
  });

  it('hides hex!() given to a key, OpenVPN\u2019s static key, Maven\u2019s encrypted values and a stated phrase', () => {
    const hex = randomToken(HEX, 64);
    assertHidden(findKeyBytes, `let pk = hex!("${hex}");`, [hex]);
    assertHidden(findKeyBytes, `const SECRET_KEY: [u8; 32] = hex!("${hex}");`, [hex]);
    assertHidden(findKeyBytes, `let k = SecretKey::from_slice(&hex!("${hex}")).unwrap();`, [hex]);
    const body = Array.from({ length: 16 }, () => randomToken(HEX, 32)).join('\n');
    assertHidden(
      findKeyBytes,
      `<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n${body}\n-----END OpenVPN Static key V1-----\n</tls-auth>`,
      [body],
    );
    const enc = `${randomToken(BASE64, 43)}=`;
    assertHidden(findKeyBytes, `<settingsSecurity>\n  <master>{${enc}}</master>\n</settingsSecurity>`, [enc]);
    assertHidden(findKeyBytes, `<privateKey>{${enc}}</privateKey>`, [enc]);
    const words = ['legal', 'winner', 'thank', 'year', 'wave', 'sausage', 'worth', 'useful'];
    const phrase = Array.from({ length: 12 }, () => words[randomIndex(words.length)]).join(' ');
    assertHidden(findKeyBytes, `my mnemonic is ${phrase}`, [phrase]);
    assertHidden(findKeyBytes, `Seed phrase: "${phrase}"`, [phrase]);
  });

  it("hides a key's bytes as an array literal under a key's name, in CodeQL's languages", () => {
    // Distinct draws: a zeroed or counting array is a placeholder's, and a draw's four distinct bytes are sure.
    const drawn = (n: number, hex: boolean): string => {
      const picked = new Set<number>();
      while (picked.size < n) {
        picked.add(randomIndex(256));
      }
      return [...picked].map((b) => (hex ? `0x${b.toString(16).padStart(2, '0')}` : String(b))).join(', ');
    };
    const [h, d] = [drawn(16, true), drawn(8, false)];
    hides(`let key: Array<UInt8> = [${h}]`, h);
    hides(`byte[] key = {${d}};`, d);
    hides(`private static final byte[] SECRET_KEY = new byte[] {\n    ${h} };`, h);
    hides(`key := []byte{${h}}`, h);
    hides(`static const unsigned char hmac_key[16] = {${h}};`, h);
    hides(`signing_key = bytes([${d}])`, d);
    hides(`\tlet constantPassword: Array<UInt8> = [${h}]`, h);
    for (const text of [
      `byte[] iv = {${d}};`,
      'byte[] key = {1, 2, 3, 4, 5, 6, 7, 8};',
      `unsigned char secret_key[16] = {${Array(16).fill('0x00').join(', ')}};`,
      `let publicKey: [UInt8] = [${h}]`,
      `byte[] key = {${d.split(', ').slice(0, 5).join(', ')}};`,
    ]) {
      leaves(text);
    }
  });

  it('leaves byte tables, hashes, paths and prose that are no key', () => {
    for (const text of [
      `solana: [${bytes(16)}]`,
      `const table = [${bytes(64)}];`,
      `keypair = [${Array.from({ length: 40 }, () => '300').join(',')}]`,
      `let digest = hex!("${randomToken(HEX, 32)}");`,
      `let expected_hash = hex!("${randomToken(HEX, 64)}");`,
      `let h = Sha256::digest(&hex!("${randomToken(HEX, 64)}"));`,
      '<privateKey>${user.home}/.ssh/id_rsa</privateKey>',
      '<master>{}</master>',
      'A mnemonic is a device that helps you remember a list of things in order and so on for a while more',
      'the mnemonic is stored in the keychain and never shown',
    ]) {
      assertUntouched(findKeyBytes, text);
    }
  });
});
