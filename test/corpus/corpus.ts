import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Rule } from '../../src/core/detect/rule';
import { findSecrets } from '../../src/core/detect/scanner';
import { contextsFor, embed } from './contexts';

/**
 * The labelled corpus. Positives are generated at test time from each rule's own `tests.positives()`
 * (so the repository holds no key) and embedded in realistic files; hard negatives are the static
 * samples under test/corpus/negatives/, none of which is a secret. It adapts to whatever the rule
 * catalogue holds when it runs.
 */

/** A generated file with one secret in it, labelled with where the secret is. */
export interface Positive {
  readonly ruleId: string;
  readonly context: string;
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A file that holds no secret. */
export interface Negative {
  readonly source: string;
  readonly name: string;
  readonly text: string;
}

/** A positive its own rule could not find even alone: counted as a miss, with the reason. */
export interface Unlabelled {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * Embeds each of each rule's positives in one of the file kinds its syntax fits, rotating through
 * them so that every kind is used. A positive's secret is located by running its rule alone on it.
 */
export function generatePositives(rules: readonly Rule[]): {
  positives: Positive[];
  unlabelled: Unlabelled[];
} {
  const positives: Positive[] = [];
  const unlabelled: Unlabelled[] = [];
  let turn = 0;
  for (const rule of rules) {
    for (const text of rule.tests.positives()) {
      const own = findSecrets(text, { rules: [rule] });
      if (own.length !== 1) {
        unlabelled.push({ ruleId: rule.id, reason: `its rule alone finds ${own.length} secrets in it` });
        continue;
      }
      const contexts = contextsFor(text);
      const context = contexts[turn++ % contexts.length]!;
      const { file, offset } = embed(context, text);
      const { start, end } = own[0]!.finding;
      positives.push({
        ruleId: rule.id,
        context: context.name,
        file,
        start: offset + start,
        end: offset + end,
      });
    }
  }
  return { positives, unlabelled };
}

const NEGATIVES_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus', 'negatives');

/** Every hard negative: each `### name` line in a negatives file starts one sample. */
export function loadNegatives(dir: string = NEGATIVES_DIR): Negative[] {
  const out: Negative[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const source = path.basename(file, '.txt');
    const samples = fs.readFileSync(path.join(dir, file), 'utf8').split(/^### /m).slice(1);
    for (const sample of samples) {
      const newline = sample.indexOf('\n');
      out.push({ source, name: sample.slice(0, newline).trim(), text: sample.slice(newline + 1) });
    }
  }
  return out;
}
