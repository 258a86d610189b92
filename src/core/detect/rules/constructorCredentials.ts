import { ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule } from './ruleKit';
import { isDefaultPassword, isKeywordValue, isPlaceholder, isReference } from './valueChecks';

// .NET places whose argument or attribute is a password by the API's own definition: the password
// parameter of `NetworkCredential(userName, password)` and `DirectoryEntry(path, username, password)`, and
// an appSettings `<add key="…Password" value="…"/>`. The slot is the proof, so a plain literal there is
// reported (a warning); a variable, a reference, a placeholder or a stock default is not.

/** A quoted C# or PowerShell string: no quote, line break or interpolation brace inside. */
const STR = `"[^"\\r\\n{}]{0,120}"`;
/** The password literal: 6 to 64 characters with no quote or line break. */
const SECRET = `"(?<secret>[^"\\r\\n]{6,64})"`;

/** A literal that is a password, not a placeholder, a reference, a short phrase or a stock default. */
function passwordLiteral(value: string): boolean {
  return (
    !isPlaceholder(value) &&
    !isReference(value) &&
    !isKeywordValue(value) &&
    !isDefaultPassword(value) &&
    !/^\$|^%.*%$|^<.*>$/.test(value) &&
    // Short words with a space (`amber wheel`) read as a label or a phrase, as generic-credential-literal holds.
    !(/\s/.test(value) && value.length < 20) &&
    new Set(value).size >= 5
  );
}

export const constructorCredentialRules: readonly Rule[] = [
  tokenRule({
    id: 'dotnet-network-credential',
    provider: '.NET',
    description: 'Password literal given to NetworkCredential or DirectoryEntry',
    risk: 'anyone with this file can log in with the account the credential names',
    severity: 'warning',
    keywords: ['networkcredential(', 'directoryentry('],
    pattern: new RegExp(
      `(?:NetworkCredential\\([ \\t]{0,3}|DirectoryEntry\\([ \\t]{0,3}${STR}[ \\t]{0,3},\\s{0,40})${STR}[ \\t]{0,3},\\s{0,40}${SECRET}[ \\t]{0,3}[,)]`,
    ),
    maxLength: 440,
    minEntropy: 2,
    validate: passwordLiteral,
    revokeUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.net.networkcredential',
    sample: () => randomToken(ALNUM, 16),
    lines: (t) => [
      `client.Credentials = new NetworkCredential("builds@example.com", "${t}");`,
      `$wc.Credentials = New-Object System.Net.NetworkCredential("cidownload", "${t}")`,
      `var entry = new DirectoryEntry("LDAP://corp.example.com",\n          "svc-ldap@corp.example.com",\n          "${t}");`,
    ],
    negatives: [
      'new NetworkCredential("user", password);',
      'new NetworkCredential("user", "")',
      'new NetworkCredential(userName, "password")',
      'new DirectoryEntry("LDAP://corp", "admin", "<password>")',
    ],
  }),
  tokenRule({
    id: 'dotnet-appsettings-password',
    provider: '.NET',
    description: 'Password in a .NET appSettings entry',
    risk: 'anyone with this file can log in with the account the setting is for',
    severity: 'warning',
    keywords: ['<add key='],
    pattern: new RegExp(
      `<add[ \\t]{1,4}key="[A-Za-z0-9_.:-]{0,40}(?:[Pp]assword|PASSWORD|[Pp]wd|PWD)"[ \\t]{1,4}value=${SECRET}`,
    ),
    maxLength: 140,
    minEntropy: 2,
    validate: passwordLiteral,
    revokeUrl:
      'https://learn.microsoft.com/en-us/aspnet/identity/overview/features-api/best-practices-for-deploying-passwords-and-other-sensitive-data-to-aspnet-and-azure',
    sample: () => randomToken(ALNUM, 14),
    lines: (t) => [`<add key="FromEmailPassword" value="${t}"/>`, `  <add key="SmtpPwd" value="${t}" />`],
    negatives: [
      '<add key="FromEmailPassword" value=""/>',
      '<add key="PasswordMinLength" value="12"/>',
      '<add key="SmtpPassword" value="[SMTP_PASSWORD]"/>',
    ],
  }),
];
