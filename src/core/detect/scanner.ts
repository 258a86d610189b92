import { shannonEntropy } from './entropy';
import type { Finding, Position } from './finding';
import { fingerprintOf, maskSecret } from './finding';
import type { Rule, Severity } from './rule';
import { builtinRules } from './catalog';

/** What a caller can tune per scan; everything is optional. */
export interface ScanOptions {
  readonly rules?: readonly Rule[];
  /** Rule ids turned off. */
  readonly disabled?: ReadonlySet<string>;
  /** Severity per rule id, overriding the rule's own. */
  readonly severity?: ReadonlyMap<string, Severity>;
  /** Fingerprints (sha256 of the secret) the user has allowlisted. */
  readonly allowlist?: ReadonlySet<string>;
}

/** In-process only: a finding together with the secret's text. Only the redactor may see it. */
export interface SecretMatch {
  readonly finding: Finding;
  readonly secret: string;
}

/**
 * Finds secrets in `text` and returns them with their text. Callers outside the redactor use `scan`,
 * which drops the text.
 *
 * TODO(engine): this first version runs every rule over the whole text; the engine proper adds the
 * keyword prefilter, windowing, placeholder and comment suppression.
 */
export function findSecrets(text: string, options: ScanOptions = {}): SecretMatch[] {
  const rules = options.rules ?? builtinRules;
  const out: SecretMatch[] = [];
  const lines = lineStarts(text);
  for (const rule of rules) {
    if (options.disabled?.has(rule.id)) {
      continue;
    }
    const re = new RegExp(rule.pattern.source, flagsFor(rule.pattern));
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const secret = m.groups?.['secret'] ?? m[0];
      const start = m.index + (m.groups?.['secret'] !== undefined ? m[0].indexOf(secret) : 0);
      if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) {
        continue;
      }
      if (rule.validate && !rule.validate(secret)) {
        continue;
      }
      const fingerprint = fingerprintOf(secret);
      if (options.allowlist?.has(fingerprint)) {
        continue;
      }
      const end = start + secret.length;
      out.push({
        secret,
        finding: {
          ruleId: rule.id,
          provider: rule.provider,
          description: rule.description,
          severity: options.severity?.get(rule.id) ?? rule.severity,
          message: `${rule.description}: ${rule.risk}.`,
          start,
          end,
          startPos: positionAt(lines, start),
          endPos: positionAt(lines, end),
          fingerprint,
          preview: maskSecret(secret),
        },
      });
    }
  }
  return out.sort((a, b) => a.finding.start - b.finding.start);
}

/** Finds secrets in `text`. The findings hold no secret text. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  return findSecrets(text, options).map((m) => m.finding);
}

function flagsFor(pattern: RegExp): string {
  return 'g' + pattern.flags.replace(/[^ims]/g, '');
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 0-based line and column of `offset`, by binary search over `starts`. */
export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return { line: lo, column: offset - starts[lo]! };
}
