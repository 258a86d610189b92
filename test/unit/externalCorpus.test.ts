import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadExternalCorpus } from '../corpus/external/externalCorpus';
import { TARGETS, combine, formatTable, measure, rates } from '../corpus/external/measure';

/**
 * Floors asserted today on the peers' own published test cases (issue 9's "measure it honestly"). They
 * are what this branch measured, rounded down a little, not the targets: other branches are adding
 * rules and redact-tier detectors, and the floors rise to `TARGETS` as those land.
 */
const FLOORS = {
  // Measured on main with the redact tier merged (2026-12-03, all sources): scan recall 63.0%, FP 12.5%,
  // redact leak 21.7% (37.0% before the redact tier), over-redaction 22.2-22.5% (12.4% before: most of the
  // rise is peers' "negatives" that a recall-first redactor should hide, such as `client_secret=<40 random
  // characters>` written as a negative for one provider's format), and 0 to 2 secrets found but partly
  // left. Values are fresh on each run, so the floors leave a little room.
  // Redact tier widened (branch redact9, 2026-12-03): leak 20.4% -> 7.8-8.1% (detect-secrets 40% -> 3-5%,
  // gitleaks 14.4% -> 4.8-5.2%, trufflehog 23% -> 10.2-10.4%), over-redaction 21.8% -> 31.8-32.5%. The
  // rise is the peers' near-miss twins of their own positives: trufflehog's `Using Key=<generated>` with
  // a value one character off its format, GitLab and Sentry prefixes with a body of the wrong length. A
  // recall-first redactor cannot tell those from the positives, and hides both.
  // Redact tier widened again (branch leak9, 2026-12-03, 5 runs): leak 7.9-8.0% -> 3.9-4.1%, over-redaction
  // 32.2-32.5% -> 31.1-31.4%, found-but-not-redacted 0-2 -> 0. Most of what still leaks is trufflehog's
  // long tail (`apiMetrics := "<32>"` beside a negative twin that differs only in length) and values
  // that are no credential (e-mail addresses, host names) marked as the secret.
  // Report tier tightened (branch fp9, 2026-12-03, 11 runs): scan FP 12.2-13.2% -> 7.4-8.5%, recall
  // 65.6-65.9% -> 69.8-70.5%. The false positives left are mostly real-looking credentials: JWTs and
  // other providers' well-formed keys in a peer's negatives (~15 per run), and random values given to
  // credential names (~20); the rest are fat-fingered prefixes (`dapi`, `xai-`, `aio_` of the wrong
  // length) that the generic rule still reports, since dropping them would also drop new token variants.
  // Redact tier widened again (branch leak9b, 2026-12-04, 12 runs): leak 3.8-4.0% -> 2.1-2.5% (trufflehog
  // 6.0-6.5% -> 3.3-3.9%), over-redaction 30.4-30.8% -> 31.8-32.6%, found-but-not-redacted 0 in every run
  // (a generated password whose brackets do not balance was read as a template). The negatives hidden anew
  // are generated values of the peers' own near-miss shapes; the ones left are shown by `npm run corpus --
  // --verbose`. What still leaks is mostly no credential (host names, e-mail addresses, ids marked as the
  // secret) and random values beside no name or word (`kanban '<12>'`).
  // Service key table (branch table9, 2026-12-04, 5 runs): recall 70.0-70.3% -> 77.5-77.7% (trufflehog
  // 61.5-62.0% -> 76.3-76.5%), FP unchanged at 7.8-8.5% (over 30 draws the table's rule adds 1 of 8,438).
  // Report-tier recall (branch recall9, 2026-12-04, merged over table9): credential literals given to
  // password-like names (detect-secrets' keyword cases), curl credentials, XML-element and typed
  // assignments in the keyed rules; all 82.6-83.0% over 4 runs (detect-secrets 18% -> 76-83%), FP 7.8-8.3%.
  // Service key table, more lines (branch recallth, 2026-12-04, 6 runs): everyday-word services named in a
  // credential name, `_`- and `.`-joined shapes; trufflehog 76.8% -> 81.7-81.9%, all 82.8% -> 85.0-85.2%,
  // no false positive by the table's rule beyond the one it had (trufflehog FP 12.1-13.5%, drawn values).
  // Report tier, near-miss twins (branch precision2, 2026-12-04, 6 runs each against main): FP 7.5-8.2% ->
  // 6.2-6.7% (gitleaks 3.2% -> 1.9%, trufflehog 12.1-13% -> 9.9-11.0%), recall 84.6-85.3% -> 84.7-85.2%.
  // Providers that issue one shape (xAI, Adafruit IO, SonarQube Cloud, Bannerbear, SpectralOps by prefix;
  // Cisco Meraki by key name) make a context rule defer on a value of another shape; marks typed in one
  // spot (`I_Mn%^&*…`) are a near miss. The false positives left are mostly JWTs and well-formed keys of
  // other providers in a peer's negatives, and random values given to credential names.
  // Redact tier (branch leak2, 2026-12-04, 3 runs): webhook URLs, short quoted values after a bare word
  // and Vault AppRole ids; leak 2.1% -> 1.7-1.9% (28-30 of 1,652), over-redaction 32.4-32.6% (32.4% before).
  // Of what still leaks, ~14 are host names and e-mail addresses and ~5 corpus artefacts (see the corpus
  // README's last section).
  // Drop rules moved into the extractors (branch corpusfix2, 2026-12-04, 5 runs): the loader no longer drops
  // negatives at load, so 963 negatives are measured instead of 552 (1,656 secrets instead of 1,652). Scan FP
  // 7.8-8.2% -> 6.1-6.4% and over-redaction 32.1-32.4% -> 26.2-26.5% are the larger denominator, not a
  // better engine: more negatives are flagged (43-45 -> 59-62) and changed (177-179 -> 252-255) than before.
  // Recall 84.7-85.1%, leak 2.1-2.2%, unchanged. The rate floors are reset to the new corpus.
  // Provider breadth (branch providers2, 2026-12-04, 3 runs): bare Discord/Telegram bot tokens, GitLab
  // token variants, age/1Password/Slack-legacy/Bedrock/Facebook bodies; all 85.0% -> 86.7%
  // (detect-secrets 80% -> 88-91%, gitleaks 90.3% -> 92.7-92.9%), FP 7.7% -> 8.0-8.2%, the rise being
  // secretlint's `AWS_SECRET_ACCESS_KEY = <40>` options case, no finding of the changed rules.
  // All four merged on main (2026-12-04, 2 runs): recall 86.4-86.5%, FP 5.4-5.5% (of 963), leak 1.7-1.8%,
  // over-redaction 26.8-26.9%, found-not-redacted 0.
  // Near misses (branch precision3, 2026-12-04): a `?` typed into a lower-case body, a stray `!`/`@` in a
  // mixed-case one, a 34-hex value under WANDB_API_KEY, an icon file name `.ico-<hash>`; FP 5.4-5.5% ->
  // 4.7-4.8% (2 runs; 5.58% -> 4.78% over 4 paired draws, 0 positives lost), recall unchanged.
  // Redact tier and gitleaks extraction (branch leak3, 2026-12-04, 2 runs each step): the e-mail/host/URL
  // half of a credential pair beside a hidden credential, bare generated values cut by `*` or `(`, curl
  // `-u` on continued lines; leak 1.7-1.8% -> 1.3%. Re-extracting gitleaks with curl's password (not an
  // env-var name or a Mailgun URL) marked as the secret: 1,660 secrets and 967 negatives, leak 1.0% (16 of
  // 1,660 both runs), over-redaction 26.9% (26.7-27.0% across all runs), recall 86.4-86.7%.
  // Redact tier, plainly-not-secret classes (branch over2, 2026-12-04, 2 runs each step, 4 baseline runs):
  // over-redaction 26.5-27.2% -> 24.4-24.5% (trufflehog 31.2-31.8 -> 29.0%, gitleaks 17.4-18.5 -> 14.9%);
  // leak 1.6-1.8% -> 1.6-1.7%. No longer hidden: a key with one `?` inside, a documented example's runs, `nonMatchingToken`.
  // Redact tier, forms that hold no credential (branch over4, 2026-12-04, 40 draws against main d61ad38):
  // over-redaction 233.8 -> 221.8 a run (24.2% -> 22.9%, 219-224 of 967 over 30 draws), leak 17.0 -> 16.7
  // a run. Left: shell references, Helm and command substitutions, `<user:password>`, `sk-lf-invalid`,
  // `wrongStart`/`authenticity_token` names, a repeated-unit sample, a fixture file named like a token.
  // Near misses under one-length providers' key names, and extractor mis-reads (branch fpleak, 2026-12-04,
  // 2 runs each step, 2 baseline runs): FP 4.7-4.8% -> 3.9-4.2% (of 968: masks kept, secretlint's allows
  // case dropped, two OpenShift masks kept), recall 86.3-86.6% -> 86.3-86.8%, leak 0.9-1.1% -> 0.8-1.0%,
  // over-redaction 24.2-24.3% -> 23.6-23.9%.
  // Trufflehog misses (branch recall5, 2026-12-04, 2 runs each step, 2 baseline runs): provider formats read
  // too narrowly (Slack two-part tokens, Octopus 29-34, Asana on its word's line, any `sk-ant-` kind), new
  // prefixed and table providers (Apify, NGC legacy keys, Mailgun `key-`, Avaza, Figma v1, GoDaddy,
  // MaxMind 16), generic-secret values up to 1,100 characters; trufflehog 81.4-81.7% -> 85.4-85.9%, all
  // 86.6% -> 88.3-88.4%, the same 37 trufflehog negatives flagged (FP 4.9% all, unchanged).
  // Report-tier recall on gitleaks, secretlint and detect-secrets misses (branch recall4, 2026-12-04, 2 runs
  // each step): provider rules read XML-element, make and typed assignments; curl's -u over line
  // continuations; the sampler reads a word boundary; the extractor keeps fixed parts of structured
  // literals (Slack version digits, Anthropic api03, Bedrock ABSK, MaxMind _mmk, 42 Intra s4t2ud). All
  // 86.3-86.4% -> 87.3-87.7% (gitleaks 92.4-92.6% -> 94.8-95.0%, secretlint 82.4% -> 84.3%), FP 46-47 of 968.
  // All four branches merged and every source re-extracted with the merged extractors (byte-identical twice;
  // 1,658 secrets, 969 negatives), 8 runs: recall 89.7-90.2%, FP 4.0-4.2%, leak 0.7-0.9%, over 22.7-23.0%.
  // The extractor then kept the fixed parts of trufflehog's formats, read from each detector's own regex
  // (branch extract3; 1,657 secrets, 972 negatives): 7 runs recall 90.1-91.0%, FP 4.1-4.3%, leak 0.8-0.9%,
  // over-redaction 22.9-23.4%. The over-redaction floor goes back to 0.24 because the corpus changed, not the
  // code: near-miss negatives that had lost their prefix (`lsv2_pt_`, `sq0i`) now keep it and are hidden.
  // Report tier, JWTs and one-shape providers, and the extractor's JWTs (branch fpover, 2026-12-05, 30 draws
  // each against the session's start): FP 4.12-4.42% -> 3.08-3.29% (made-up and hand-edited JWTs, LangSmith
  // and Heroku near misses), over-redaction 22.6-23.4% -> 22.3-22.9% (cut-short tokens, a URL after a
  // credential word, the corpus's JWT near misses), recall 90.0-90.9% and leak 0.8-1.0% unchanged.
  // Extractor fidelity, exchange passphrases, glued Discord tokens, GitHub's JWT installation tokens and
  // more (branch recall7, 2026-12-05; 1,678 secrets, 974 negatives after re-extraction), 8-10 loads a step:
  // recall 90.4% -> 91.1-91.8%, FP 4.2% -> 3.7-4.0%, leak 0.9% -> 0.4-0.6%, over-redaction 22.5-23.2%.
  // Trufflehog's misses (branch recall6, 2026-12-05): the extractor marks a joined want's credential and
  // keeps fixed parts inside values; assignedTo reads multi-word names, a spaced dash, a brace and
  // `Bearer`; 27 rules for keyword detectors the table cannot read. 6 runs: recall 90.4-90.5% ->
  // 93.8-94.2%, FP 4.1-4.3% -> 4.2-4.4% (the same ~36 trufflehog negatives), leak 0.8-0.9% -> 0.4-0.5%.
  // All three merged (fpover, recall7, recall6) with the corpus re-extracted: floors from the merged runs
  // (see the merge commit).
  // Report-tier recall (branch recall8, 2026-12-04, 6 loads each against main 3d62cca): client ids under a
  // credential name (Asana, Discord, LinkedIn, Salesforce `3MVG9`), letters-only table values after a
  // service credential name, Mapbox `pk.` after its word, BestTime, FullStory, TruffleHog Enterprise and a
  // paired AWS session token; misses 82-89 -> 59-73 a load (recall 94.7-95.1% -> 95.7-96.5%), FP 29-30 of
  // 975 in both. The floor leaves room for the draw (the spread is ~14 misses).
  // Report tier refuses what a named provider's format rules out (branch fp3, 2026-12-04, same draws A/B
  // over 6-8 loads against main 3d62cca): a context rule defers on a value the service table's word names
  // but no shape of that service takes (abyssale, amplitude, billomat, clientary, smartsheet; Apollo and
  // BitMEX added to the table), on a `pat.` value beside the word Harness, a `cmVmd` JFrog reference token
  // and a `-NRMA` New Relic mobile token of another shape. FP 28.5-29.2 -> 19.5 a load (1.9-2.2% over 5
  // runs), misses unchanged (85-87 a load on the same draws), leak 0.2% and found-not-redacted 0 unchanged.
  // All merged (labels, recall8, fp3, runs12, recall9), 7 runs: recall 96.1-96.5%, FP 1.9-2.1%, leak 0.2%,
  // changed negatives 22.2-22.6%.
  // Trufflehog keyword detectors (branch recall11, 2026-12-05, 11 loads against main 60cf4db): LaunchDarkly
  // `api-`/`sdk-` and PubNub `sub-c-` keys bare, Teams URLs in trufflehog's shape, Photoroom and Box, and
  // the table reading kanban/mite right after their word, `getsmartsheet(` and a `Bearer` value; misses
  // 56-66 -> 47-57 a load (recall 96.1-96.7% -> 96.6-97.2%), FP 19-21 in both (the same negatives).
  // Report-tier recall (branch recall10, 2026-12-05, 10 runs against main 60cf4db's 5): Discord tokens with
  // no keyword inside a line, 32-digit client secrets and zero-padded ids under a Discord name, Basic with an
  // empty password, URL passwords at example.com, Linear keys of 32-128, a Docker `auths` entry's `auth`, a
  // curl user that is a generated UUID. Misses 54-66 -> 42-51 a run (recall 96.1-96.5% -> 97.0-97.5%), FP
  // 19-20 of 975 in both. The floor leaves room for the draw.
  // All of 2026-12-05 merged (recall10, recall11, recall12, precise, speed1; the gitleaks extractor drops the
  // `fps` entry gitleaks marks "False Negative", 974 negatives), 12 loads: misses 26-36 (recall 97.9-98.5%),
  // FP 18-19 of 974 (1.8-2.0%), leak 3-5, changed negatives 218-223, found-not-redacted 0. The floors keep
  // about 14 misses and 2 false positives of room for the draw.
  // Near misses out of the report tier (branch fpx, 2026-12-05, 10 loads): trufflehog's Square token with a
  // typed `?` is a look-alike; FP 17-18 of 974 (1.7-1.8%), misses, leaks and changed negatives unchanged on
  // the same draws. The floor keeps 2 to 3 false positives of room.
  // Tagged tokens and values after a credential word in the redact tier (2026-12-05 evening, to close what
  // Kingfisher's examples showed leaking): over-redaction 21.8-23.4% -> 28.6-29.3% (4 loads). What the two
  // new detectors hide in the peers' negatives is near misses of formats (`sk_live_` one character short, a
  // prefix with a body of the wrong length, a UUID one character short), most of them generated values.
  scanRecall: 0.97,
  scanFalsePositiveRate: 0.021,
  // 0.008 -> 0.006 (2026-12-06, 15:25: 0.18-0.36% over 12 seeded loads after the `leaks` branch).
  redactLeakRate: 0.006,
  overRedactionRate: 0.305,
  foundButNotRedacted: 0,
} as const;

/**
 * Nosey Parker's rule examples (branch np, 2026-12-05) joined the corpus after the floors above were set,
 * and no rule here was ever tuned on them: they get floors of their own, and `FLOORS` stays on the five
 * sources it was measured on. Measured at the extraction (338 secrets, 74 negatives, 3 runs): scan recall
 * 67.5-68.6%, FP 5.4% (4 of 74), leak 8.9-9.2%, over-redaction 25.7% (19 of 74). After this branch's
 * fixes (command flags, prose passwords, commented and `pat` names, DirectoryEntry, Terraform defaults,
 * vault unseal, nine prefixed or path rules, a `%VAR%` before a space): see the last commit's figures;
 * over-redaction is 27.0-28.4% (20-21 of 74): Nosey Parker's `px-api-` near miss (a UUID of non-hex letters) is
 * hidden as a look-alike of the new Pixie rule, by design. The floors leave room for the draw (about 5
 * secrets, 1 negative). Recall tightened to 78% once the extractor kept what each rule's group fixes
 * (2026-12-05, branch npx: 81.1-82.6% over 6 runs at 339 secrets; the margin is about 10 secrets of draw).
 * Tightened to 84% with the formats whose structure or place is the proof (2026-12-05, branch nprec:
 * 86.4-87.9% over 10 runs; the margin is again about 10 secrets). Tightened to 88% with drawn one-case
 * letters under password names, prose passwords, aligned columns, commented settings and short bearer
 * headers (2026-12-05 afternoon: 90.0-92.3% over 10 runs; part of that gain is the extractor's own draw,
 * which turns a word password into random letters: see `test/corpus/README.md`). Tightened to 92% with literals
 * by their syntax (a compared string, a dotenv value, a flag's argument) and letter triples (2026-12-07: 95.6%
 * summed over seeds 1-4, 94.4-95.0% in single runs).
 */
const NOSEYPARKER_FLOORS = {
  scanRecall: 0.92,
  // 0.07 -> 0.06 (branch fpx, 10 loads: 3 of 75 in every load, 4.0%; before 5): New Relic's non-hex
  // license key and a `#add-…` selector given to a password name are no longer reported. Room for one more.
  scanFalsePositiveRate: 0.06,
  redactLeakRate: 0.04,
  overRedactionRate: 0.3,
} as const;

/** The four rates a source is held at. */
interface SourceFloors {
  readonly scanRecall: number;
  readonly scanFalsePositiveRate: number;
  readonly redactLeakRate: number;
  readonly overRedactionRate: number;
}

/**
 * MongoDB Kingfisher's rule examples joined on 2026-12-05 (evening), as a check that no rule here was
 * tuned on: 1,269 positives, most of them one token alone or a provider's name glued to a credential word
 * (`gumroadSECRET-…`), and 11 negatives. Measured at the extraction (3 loads): scan recall 72.9-73.1%,
 * FP 0 of 11, leak 9.5-10.0%, over-redaction 1 of 11. Floors with room for the draw; they rise as fixes land.
 */
const KINGFISHER_FLOORS = {
  // 0.71 -> 0.73 with `access`/`private` as credential words and a spaced assignment naming a service's
  // value (74.8-75.3% over 5 loads, 2026-12-05 evening); 0.73 -> 0.76 with 20 services read from Kingfisher's
  // rules and escaped quotes (77.8-78.1% over 5 loads at 21:03); 0.76 -> 0.79 with glued names the table
  // reads (`codakey-<uuid>`, `signupgeniusPRIVATE.<hex>`), `access`/`private` for everyday words, a name that
  // says secret left to the generic rules, and Segment, ClickUp and MongoDB Atlas tokens (80.1-80.7% over 12
  // seeded loads, 2026-12-06). 0.79 -> 0.83 with values after a credential word and blanks, digits alone or
  // letters in one case right after a service's credential name, 16 table lines and 7 formats as Kingfisher's
  // rule files read them (84.3-84.9% over 12 seeded loads, 2026-12-06 evening). 0.83 -> 0.87 with 70 table
  // lines whose value may run on after a credential word, as Kingfisher's keyword rules read theirs
  // (88.3-88.9% over 12 seeded loads, 2026-12-06 night; 89.3-89.8% with the night's formats after). 0.87 ->
  // 0.9 with 13 more table services, 10 more run-on lines, Cloudflare Origin CA keys in hex groups and
  // FullStory keys with no region (91.9-92.3% over 12 seeded loads, 2026-12-06 late night). 0.9 -> 0.92 with
  // counting stand-ins drawn over their rule's class, a region FullStory key alone, PubNub publish keys and
  // literals by their syntax (94.0% summed over seeds 1-4, 93.4-94.2% in single runs, 2026-12-07).
  scanRecall: 0.92,
  scanFalsePositiveRate: 0.1,
  // 0.11 -> 0.03 with tagged tokens and values after credential words and URL passwords marked as the
  // other sources mark them (1.7-2.2% over 4 loads); the negatives those hide: 3 of 11 (0.19 -> 0.28).
  // 0.03 -> 0.025 with generated values on .env lines (1.7-2.0% over 5 loads at 19:12).
  // 0.025 -> 0.02 with whole Telegram tokens, short bodies after long prefixes, hook paths and the service
  // words above (1.4-1.6% over 5 loads); the zero UUID left alone: 1 of 11 negatives changed (0.28 -> 0.19).
  // 0.02 -> 0.018 at 21:03 (1.1-1.4% over 5 loads). 0.018 -> 0.012 with keys in groups after a credential
  // tag, DigitalOcean's prefixes without `v1_` and a service's groups in another alphabet (0.5-0.9% over 12
  // seeded loads, 2026-12-06). 0.012 -> 0.006 with this afternoon's leak classes (helper branch `leaks`:
  // one-case letters and groups after a credential word, open quotes, long prefixes, dotted and UUID-grouped
  // bodies after a tag): 0.08-0.32% over 12 seeded loads (2026-12-06, 15:25).
  redactLeakRate: 0.006,
  overRedactionRate: 0.19,
} as const;

describe('external corpus: the peers’ published test cases, values re-generated', function () {
  this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked

  const corpus = loadExternalCorpus();
  const rows = measure(corpus.cases, corpus.dropped);
  const total = rows[rows.length - 1]!;
  const bySource = new Map(rows.map((r) => [r.source, r] as const));
  // The five sources `FLOORS` was measured on.
  const established = combine(
    rows.filter((r) => r.source !== 'all' && r.source !== 'noseyparker' && r.source !== 'kingfisher'),
  );

  before(() => {
    const sample = (label: string, list: readonly string[]): string[] =>
      list.slice(0, 15).map((l) => `  ${label}: ${l}`);
    const notes = [
      formatTable(rows),
      ...[...corpus.origins].flatMap(([source, list]) => list.map((o) => `from ${source}: ${o}`)),
      ...sample(
        'missed by scan',
        rows.flatMap((r) => r.missed),
      ),
      ...sample(
        'leaked by redact',
        rows.flatMap((r) => r.leaks),
      ),
      ...sample(
        'scan false positive',
        rows.flatMap((r) => r.falsePositives),
      ),
    ];
    console.log(notes.map((l) => `      ${l}`).join('\n'));
  });

  it('holds several hundred secrets and hard negatives from all seven peers', () => {
    for (const source of [
      'gitleaks',
      'trufflehog',
      'detect-secrets',
      'secretlint',
      'llm-guard',
      'noseyparker',
      'kingfisher',
    ] as const) {
      assert.ok(bySource.get(source), `no cases from ${source}`);
    }
    assert.ok(total.secrets >= 500, `${total.secrets} secrets`);
    assert.ok(total.negatives >= 300, `${total.negatives} hard negatives`);
  });

  it('measures every stored case: the drop rules are the extractors’, the load drops nothing', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'test', 'corpus', 'external');
    const stored = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .slice(1)
          .map((l) => JSON.parse(l) as { label: string; text: string }),
      );
    assert.equal(corpus.cases.length, stored.length, 'cases stored but not measured');
    const negativesWithSecret = stored.filter((c) => c.label === 'negative' && c.text.includes('⟦!'));
    assert.equal(negativesWithSecret.length, 0, 'negatives marking a secret');
    assert.ok(
      stored.filter((c) => c.label === 'secret').every((c) => c.text.includes('⟦!')),
      'positives marking no secret',
    );
  });

  it('stores no value: every secret is re-generated on each load', () => {
    const again = loadExternalCorpus();
    const first = corpus.cases.flatMap((c) => c.secrets.map((s) => s.value));
    const second = new Set(again.cases.flatMap((c) => c.secrets.map((s) => s.value)));
    const repeated = first.filter((v) => v.length >= 16 && second.has(v));
    assert.equal(repeated.length, 0, `${repeated.length} values came back identical on a second load`);
  });

  it(`leaves no more secrets that the report tier finds than today (target: ${TARGETS.foundButNotRedacted})`, () => {
    assert.ok(
      total.foundButNotRedacted <= FLOORS.foundButNotRedacted,
      `${total.foundButNotRedacted} secrets found by scan but left (in part) by redact`,
    );
  });

  it(`keeps scan recall and false positives at today's floors (targets: >= ${TARGETS.scanRecall}, <= ${TARGETS.scanFalsePositiveRate})`, () => {
    const x = rates(established);
    assert.ok(x.recall >= FLOORS.scanRecall, `scan recall ${x.recall.toFixed(4)} < ${FLOORS.scanRecall}`);
    assert.ok(
      x.fpr <= FLOORS.scanFalsePositiveRate,
      `scan FP rate ${x.fpr.toFixed(4)} > ${FLOORS.scanFalsePositiveRate}`,
    );
  });

  it(`keeps redaction leaks and over-redaction at today's floors (targets: <= ${TARGETS.redactLeakRate}, <= ${TARGETS.overRedactionRate})`, () => {
    const x = rates(established);
    assert.ok(x.leak <= FLOORS.redactLeakRate, `redact leak ${x.leak.toFixed(4)} > ${FLOORS.redactLeakRate}`);
    assert.ok(
      x.over <= FLOORS.overRedactionRate,
      `over-redaction ${x.over.toFixed(4)} > ${FLOORS.overRedactionRate}`,
    );
  });

  /** A source added after `FLOORS` was set, held at floors of its own. */
  const ownFloors = (source: 'noseyparker' | 'kingfisher', f: SourceFloors): void => {
    const x = rates(bySource.get(source)!);
    assert.ok(x.recall >= f.scanRecall, `scan recall ${x.recall.toFixed(4)} < ${f.scanRecall}`);
    assert.ok(
      x.fpr <= f.scanFalsePositiveRate,
      `scan FP rate ${x.fpr.toFixed(4)} > ${f.scanFalsePositiveRate}`,
    );
    assert.ok(x.leak <= f.redactLeakRate, `redact leak ${x.leak.toFixed(4)} > ${f.redactLeakRate}`);
    assert.ok(x.over <= f.overRedactionRate, `over-redaction ${x.over.toFixed(4)} > ${f.overRedactionRate}`);
  };

  it("keeps Nosey Parker's rule examples at their own floors", () => {
    ownFloors('noseyparker', NOSEYPARKER_FLOORS);
  });

  it("keeps Kingfisher's rule examples at their own floors", () => {
    ownFloors('kingfisher', KINGFISHER_FLOORS);
  });
});
