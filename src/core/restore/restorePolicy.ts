import { builtinRules } from '../detect/catalog';
import { maskSecret } from '../detect/finding';
import type { RedactionMap } from '../pipeline/redactionMap';
import { PLACEHOLDER_PATTERN } from '../pipeline/redactionMap';
import { dangerousContext } from './answerContext';
import type { EnvFamily, NamedFinding } from './envRef';
import { envExpression, envFamily, envVarName, locateSecret, replaceWithEnv, upperSnake } from './envRef';

/** What the user does with a code block from an answer. */
export type RestoreAction = 'copy' | 'insert' | 'apply';

/** The language the code goes into: the target document's, or for Copy the code block's fence tag. */
export interface RestoreTarget {
  readonly languageId: string;
  readonly fileName?: string;
}

/** One secret of this conversation that the code names, as the user is shown it: never its value. */
export interface RestoreItem {
  readonly placeholder: string;
  readonly ruleId: string;
  /** A few characters of each end (`ghp_…3kQz`). */
  readonly preview: string;
  /** The expression written instead of the value (`process.env.GITHUB_TOKEN`); undefined: it stays a placeholder. */
  readonly reference: string | undefined;
  /** Each place that would carry the value off the machine, named. */
  readonly warnings: readonly string[];
}

/** What Copy, Insert or Apply may write for one code block. */
export interface RestorePlan {
  /** The secrets this conversation issued, that could be restored. */
  readonly items: readonly RestoreItem[];
  /** Every warning of every item, each naming its placeholder and where it sits. */
  readonly warnings: readonly string[];
  /** Placeholders the conversation never issued (made up by the model or a file): written as they are. */
  readonly forged: readonly string[];
  /** Placeholders of the key in use: never restored. */
  readonly withheld: readonly string[];
  /** The default: environment references where one fits, the placeholder elsewhere. */
  readonly withReferences: string;
  /** The explicit choice: the real values (never the key's). Computed only when asked for. */
  withValues(): string;
}

export interface PlanOptions {
  readonly map: RedactionMap;
  /** The target's language; undefined when unknown (no reference fits then). */
  readonly target: RestoreTarget | undefined;
  /** The key(s) in use: never restored, whatever placeholder names them. */
  readonly keyValues?: readonly string[];
}

/** Works out what may be written for `code`, without asking anyone: the policy's pure part. */
export function planRestore(code: string, options: PlanOptions): RestorePlan {
  const { map } = options;
  const keys = new Set(options.keyValues ?? []);
  const family = options.target && envFamily(options.target.languageId, options.target.fileName ?? '');
  const valueOf = (placeholder: string): string | undefined => {
    const value = map.valueOf(placeholder);
    return value === undefined || keys.has(value) ? undefined : value;
  };
  const forged = new Set<string>();
  const withheld = new Set<string>();
  const names = new Map<string, string>();
  const warnings = new Map<string, string[]>();
  const usedNames = new Set<string>();
  for (const m of code.matchAll(PLACEHOLDER_PATTERN)) {
    const placeholder = m[0];
    if (!map.issued(placeholder)) {
      forged.add(placeholder);
      continue;
    }
    if (valueOf(placeholder) === undefined) {
      withheld.add(placeholder);
      continue;
    }
    if (!names.has(placeholder)) {
      names.set(placeholder, uniqueName(variableFor(code, m.index, placeholder, m[1]!), usedNames));
      warnings.set(placeholder, []);
    }
    const danger = dangerousContext(code, m.index, m.index + placeholder.length, family === 'shell');
    if (danger) {
      const line = lineNumber(code, m.index);
      warnings.get(placeholder)!.push(`${placeholder} sits ${danger.where} (line ${line})`);
    }
  }
  const withReferences =
    family === undefined
      ? code
      : code
          .split('\n')
          .map((line) => referenceLine(line, family, names))
          .join('\n');
  const items: RestoreItem[] = [...names].map(([placeholder, name]) => {
    const ruleId = PLACEHOLDER_PATTERN_ONE.exec(placeholder)?.[1] ?? 'secret';
    const referenced = family !== undefined && !withReferences.includes(placeholder);
    return {
      placeholder,
      ruleId,
      preview: maskSecret(valueOf(placeholder) ?? ''),
      reference: referenced ? envExpression(family, name) : undefined,
      warnings: warnings.get(placeholder) ?? [],
    };
  });
  return {
    items,
    warnings: items.flatMap((i) => i.warnings),
    forged: [...forged],
    withheld: [...withheld],
    withReferences,
    withValues: () => code.replace(PLACEHOLDER_PATTERN, (p) => valueOf(p) ?? p),
  };
}

/** Which form the user chose to write. */
export type RestoreChoice = 'references' | 'values';

/** Asks the user, when a code block names secrets of this conversation. In the editor: a modal. */
export interface RestoreUi {
  /** Resolves to the chosen form, or undefined to write nothing. */
  choose(action: RestoreAction, plan: RestorePlan): Promise<RestoreChoice | undefined>;
}

/**
 * The text Copy, Insert or Apply writes, or undefined when the user cancelled. Without secrets of this
 * conversation in the code nothing is asked: placeholders (made-up ones, the key's) are written as they
 * are. With `enabled` off (the restore setting) nothing is ever restored.
 */
export async function restoreForAction(
  code: string,
  action: RestoreAction,
  options: PlanOptions & { readonly enabled: boolean; readonly ui: RestoreUi },
): Promise<string | undefined> {
  if (!options.enabled) {
    return code;
  }
  const plan = planRestore(code, options);
  if (plan.items.length === 0) {
    return code;
  }
  const choice = await options.ui.choose(action, plan);
  return choice === 'values' ? plan.withValues() : choice === 'references' ? plan.withReferences : undefined;
}

/** The lines a confirmation shows: each secret by rule and masked preview, what the default writes, warnings. */
export function describePlan(plan: RestorePlan): string[] {
  const lines = plan.items.map(
    (i) =>
      `${i.ruleId} ${i.preview}: ${i.reference ? `default writes ${i.reference}` : `default keeps ${i.placeholder}`}`,
  );
  for (const w of plan.warnings) {
    lines.push(`Warning: ${w}; a real value there leaves this machine when the code runs.`);
  }
  if (plan.withheld.length > 0) {
    lines.push('The API key in use is never written back; its placeholder stays.');
  }
  if (plan.forged.length > 0) {
    lines.push(`Not from this conversation, left as they are: ${plan.forged.join(', ')}`);
  }
  return lines;
}

const PLACEHOLDER_PATTERN_ONE = new RegExp(PLACEHOLDER_PATTERN.source);

/** Rule ids name their provider and description; known-value kinds and recall kinds have no rule. */
const RULES = new Map<string, NamedFinding>(builtinRules.map((r) => [r.id, r]));

/** The variable for a placeholder, as the quick fix would name it: the assignment's left side, else the rule. */
function variableFor(code: string, at: number, placeholder: string, kind: string): string {
  const lineStart = code.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = code.indexOf('\n', at) === -1 ? code.length : code.indexOf('\n', at);
  const line = code.slice(lineStart, lineEnd);
  const from = at - lineStart;
  const where = locateSecret(line, from, from + placeholder.length);
  const anchor = typeof where === 'object' ? where.start : from;
  const rule = RULES.get(kind);
  // Known-value kinds (`env-value`) and recall kinds have no rule: named after the kind itself.
  const finding: NamedFinding = rule ?? { provider: '', description: kind };
  const name = envVarName(line.slice(0, anchor), finding);
  return rule || name !== 'SECRET' ? name : upperSnake(kind);
}

/** Two secrets never share a variable: the second `GITHUB_TOKEN` becomes `GITHUB_TOKEN_2`. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) {
    candidate = `${name}_${n}`;
  }
  used.add(candidate);
  return candidate;
}

/** One line with each issued placeholder replaced by its reference where one fits, right to left. */
function referenceLine(line: string, family: EnvFamily, names: ReadonlyMap<string, string>): string {
  let out = line;
  let limit = out.length;
  for (;;) {
    const before = [...out.matchAll(PLACEHOLDER_PATTERN)].filter((m) => m.index + m[0].length <= limit);
    const m = before[before.length - 1];
    if (!m) {
      return out;
    }
    limit = m.index;
    const name = names.get(m[0]);
    const r =
      name === undefined ? undefined : replaceWithEnv(family, name, out, m.index, m.index + m[0].length);
    if (r && name !== undefined) {
      out = out.slice(0, r.start) + r.text + out.slice(r.end);
      // A whole literal may have been rewritten: placeholders left of the new reference are still to do.
      limit = r.start + Math.max(0, r.text.indexOf(name));
    }
  }
}

function lineNumber(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}
