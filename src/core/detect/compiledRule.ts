import type { KeywordIndex } from './keywordIndex';
import { buildKeywordIndex } from './keywordIndex';
import type { Rule } from './rule';
import { shapeOf } from './ruleShape';
import type { StartEdges } from './startEdges';
import { startGate } from './startEdges';
import { classTable } from './classRun';
import { nativeRegex } from './nativeRegex';

// Rules compiled for the engine (see matcher.ts): each pattern recompiled with the engine's flags, with
// what its shape says about where matches start and what they hold. Split from matcher.ts.

const DEFAULT_MAX_LENGTH = 512;
/** Patterns that can start with more characters than this have a broad start (see `WindowMode`). */
const BROAD_START = 20;

/**
 * A rule set compiled once and reused for every scan with the same array. Each rule is compiled on first
 * use: reading a pattern's shape (`patternMaxLength`, `startChars`) is most of the cost, and a scan of a
 * few files runs only the rules whose keywords they contain, so a short-lived CLI process would otherwise
 * spend more time compiling the catalogue than scanning.
 */
export interface CompiledSet {
  /** How many rules the set holds. */
  readonly size: number;
  /** The rule at `order` (its position in the array), compiled on first use. */
  rule(order: number): CompiledRule;
  /** Every rule, compiled. */
  readonly rules: readonly CompiledRule[];
  readonly index: KeywordIndex;
  /** Longest `maxLength` among multi-line rules: how far back a range scan must look for their keywords. */
  readonly multiLineReach: number;
}

const cache = new WeakMap<readonly Rule[], CompiledSet>();

/** Compiles `rules` (cached per array identity); each rule on first use. */
export function compileRules(rules: readonly Rule[]): CompiledSet {
  let set = cache.get(rules);
  if (!set) {
    set = new LazySet(rules);
    cache.set(rules, set);
  }
  return set;
}

class LazySet implements CompiledSet {
  readonly index: KeywordIndex;
  private readonly compiled: (CompiledRule | undefined)[];
  private reach: number | undefined;

  constructor(private readonly source: readonly Rule[]) {
    this.index = buildKeywordIndex(
      source.map((r) => r.keywords),
      source.map((r) => r.finderWords ?? []),
    );
    this.compiled = new Array<CompiledRule | undefined>(source.length);
  }

  get size(): number {
    return this.source.length;
  }

  rule(order: number): CompiledRule {
    return (this.compiled[order] ??= compileRule(this.source[order]!, order));
  }

  get rules(): readonly CompiledRule[] {
    return this.source.map((_, order) => this.rule(order));
  }

  get multiLineReach(): number {
    // Only multi-line rules are compiled for it, and only when a range scan first asks.
    this.reach ??= this.source.reduce(
      (max, r, order) => (isMultiLine(r.pattern) ? Math.max(max, this.rule(order).maxLength) : max),
      0,
    );
    return this.reach;
  }
}

/** `chars` escaped for use inside a regex character class. */
function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** Whether a match of `pattern` can cross a line break. */
function isMultiLine(pattern: RegExp): boolean {
  return pattern.flags.includes('s') || /\\[snrSWD]|\[\^/.test(pattern.source);
}

function compileRule(rule: Rule, order: number): CompiledRule {
  return new CompiledRule(rule, order);
}

/**
 * A rule ready to run: its pattern recompiled with the engine's flags, its window bounds and what its shape
 * says about where matches start and what they hold. Its two regexes are made on first use, with their machine code (see `nativeRegex`):
 * most rules run one of them only (a window search or anchored attempts), and one compiled for nothing
 * would cost a millisecond for the largest patterns.
 */
export class CompiledRule {
  readonly maxLength: number;
  /** Whether a match can cross a line break; if not, windows start no earlier than the hit's line. */
  readonly multiLine: boolean;
  /** Lower-cased keywords. */
  readonly keywords: readonly string[];
  /** Length of the longest keyword: a longer literal prefix makes a more specific rule. */
  readonly keywordLength: number;
  /** Severity `warning`: a context-only rule, which suppression treats more strictly. */
  readonly generic: boolean;
  /** The pattern spells out a UUID, so a UUID-shaped secret is expected rather than an identifier. */
  readonly expectsUuid: boolean;
  /** The syntax makes the value a literal (`Rule.literalSyntax`): no code name, whatever its shape. */
  readonly literalSyntax: boolean | ((text: string, start: number) => boolean);
  /**
   * ASCII characters a match can start with (1 = yes), or undefined when the pattern can start almost
   * anywhere. Set only for rules run by `matchStarts`.
   */
  readonly startBits: Uint8Array | undefined;
  /** Whether a match may start with a non-ASCII character. */
  readonly startsNonAscii: boolean;
  /** The pattern has no literal start (`[A-Za-z0-9_.-]{0,40}(?<=secret)…`): each offset costs a full attempt. */
  readonly broadStart: boolean;
  /** Characters every match holds (see `requiredChars`): a window without one of them is not searched. */
  readonly required: readonly string[];
  /** Texts the window of every match holds (see `requiredLiterals`): nor is one without one of them. */
  readonly literals: readonly string[];
  /** Every match starts with one of `keywords` (see `startsAtKeyword`): it is tried at keyword hits only. */
  readonly anchored: boolean;
  /** Finds `endsBefore`'s characters (global): an anchored attempt with none in reach is skipped. */
  readonly endsBefore: RegExp | undefined;
  /** What the pattern needs before a match and what it starts with: anchored attempts skip on them. */
  readonly edges: StartEdges;
  /** With both edges: finds (global) the head where no rejected character precedes it (see `Occurrences`). */
  readonly gate: RegExp | undefined;
  /**
   * Token characters in a row every match holds (see `requiredRun`); 0 when the pattern's length is not
   * bounded, since the anchored matcher looks for such a run within `maxLength` of an attempt.
   */
  readonly tokenRun: number;
  /** `rule.needsRun`'s characters by ASCII code (see `classRun`); undefined when it declares none. */
  readonly runTable: Uint8Array | undefined;
  /**
   * The pattern's `secret` group sits inside a lookaround, where it may capture text outside the match:
   * its place is then always read from the match's indices (see `matcher.secretIndex`).
   */
  readonly secretInLookaround: boolean;
  private readonly flags: string;
  private globalRe: RegExp | undefined = undefined;
  private stickyRe: RegExp | undefined = undefined;
  private indexedRe: RegExp | undefined = undefined;

  constructor(
    readonly rule: Rule,
    /** Position in the rule set: the last tie-breaker between overlapping findings. */
    readonly order: number,
  ) {
    this.flags = rule.pattern.flags.replace(/[^imsu]/g, '');
    const source = rule.pattern.source;
    const keywords = rule.keywords.map((k) => k.toLowerCase());
    const shape = shapeOf(rule.pattern, keywords);
    // A declared maxLength shorter than what the pattern can match would cut matches at window ends;
    // the pattern's own bound wins when it is finite (patternSafety's test asks authors to fix it).
    const longest = shape.longest;
    const declared = rule.maxLength ?? DEFAULT_MAX_LENGTH;
    this.maxLength = Number.isFinite(longest) ? Math.max(declared, longest) : declared;
    this.multiLine = isMultiLine(rule.pattern);
    this.keywords = keywords;
    this.keywordLength = keywords.reduce((max, k) => Math.max(max, k.length), 0);
    this.generic = rule.severity === 'warning';
    this.expectsUuid = rule.expectsUuid === true || /\{8\}-[^]*\{4\}-[^]*\{12\}/.test(source);
    this.literalSyntax = rule.literalSyntax ?? false;
    this.startBits = shape.startBits;
    this.startsNonAscii = shape.startsNonAscii;
    this.broadStart = shape.startSize > BROAD_START;
    this.required = shape.required;
    this.literals = shape.literals;
    this.anchored = shape.anchored;
    this.endsBefore =
      rule.endsBefore === undefined ? undefined : new RegExp(`[${escapeClass(rule.endsBefore)}]`, 'g');
    this.edges = shape.edges;
    this.gate = startGate(shape.edges);
    this.tokenRun = Number.isFinite(longest) ? shape.tokenRun : 0;
    this.runTable = rule.needsRun === undefined ? undefined : classTable(rule.needsRun.chars);
    this.secretInLookaround = secretInLookaround(source);
  }

  // The window search and the attempts run without the `d` flag: V8 builds the index arrays of a match
  // that has them in its runtime, and a line of 16,000 bot-token look-alikes spent four times its
  // attempts' cost on them. A match's secret is placed from its text (see `matcher.secretIndex`).
  get global(): RegExp {
    return (this.globalRe ??= nativeRegex(this.rule.pattern.source, `g${this.flags}`));
  }

  get sticky(): RegExp {
    return (this.stickyRe ??= nativeRegex(this.rule.pattern.source, `y${this.flags}`));
  }

  /** The sticky pattern with indices (`d`): where a match's text cannot place its secret. */
  get indexed(): RegExp {
    return (this.indexedRe ??= new RegExp(this.rule.pattern.source, `yd${this.flags}`));
  }
}

/** Whether the `(?<secret>…)` group of `source` lies inside a lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`). */
export function secretInLookaround(source: string): boolean {
  // Per open group: whether it is a lookaround or inside one.
  const open: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
    } else if (c === ')') {
      open.pop();
    } else if (c === '(') {
      const inside = LOOKAROUND.test(source.slice(i, i + 4)) || open[open.length - 1] === true;
      if (inside && source.startsWith('(?<secret>', i)) {
        return true;
      }
      open.push(inside);
    }
  }
  return false;
}

const LOOKAROUND = /^\(\?<?[=!]/;
