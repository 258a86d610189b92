import type { CompiledRule } from './compiledRule';
import { hexEntropyFloor, shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholders';
import type { ScanStats } from './scanStats';

/**
 * The checks of a candidate that read only its text and its rule (entropy, the rule's `validate`, the
 * placeholder shapes), asked once per rule and distinct text in a scan. A value a file holds many times
 * (a token pasted into every line of a fixture, a 1 MB line of one JWT repeated) has the same answer each
 * time, and these checks were most of the cost of such a file: a line of 16,000 bot-token look-alikes
 * paid for 16,000 entropies, base64 decodings and placeholder reads, all refused. Checks that read the
 * text around a candidate (`inContext`, suppressions) are still asked of each one.
 */
export class ShapeChecks {
  /** Answers per rule, by the candidate's text; a rule's map is made at its first candidate. */
  private readonly answers = new Map<CompiledRule, Map<string, boolean>>();

  constructor(private readonly stats: ScanStats) {}

  /** Whether `secret`, a candidate of `rule`, has the shape of a live value. */
  plausible(rule: CompiledRule, secret: string): boolean {
    let known = this.answers.get(rule);
    if (known === undefined) {
      known = new Map();
      this.answers.set(rule, known);
    }
    let answer = known.get(secret);
    if (answer === undefined) {
      this.stats.shapeChecks++;
      answer = plausible(rule, secret);
      known.set(secret, answer);
    }
    return answer;
  }
}

/** The rule's floor, capped for a hex value at what random hex of its length reaches (hex has 4 bits at most). */
function entropyFloor(minEntropy: number, secret: string): number {
  return /^[0-9a-fA-F]+$/.test(secret) ? Math.min(minEntropy, hexEntropyFloor(secret.length)) : minEntropy;
}

/** Shape checks that need only the candidate: entropy, the rule's own validation, placeholders. */
function plausible(cr: CompiledRule, secret: string): boolean {
  const rule = cr.rule;
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < entropyFloor(rule.minEntropy, secret)) {
    return false;
  }
  if (rule.validate && !rule.validate(secret)) {
    return false;
  }
  if (rule.proof === 'checksum') {
    return true;
  }
  const judged = rule.placeholderPart ? rule.placeholderPart(secret) : secret;
  return !isPlaceholder(judged, cr.keywords, rule.proof === 'drawn' ? 'whole-value' : 'any-marker');
}
