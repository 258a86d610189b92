import { serviceKeyIndex } from '../rules/serviceKeys';
import type { ServiceEntry } from '../rules/serviceKeyLines';
import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector } from './recallSpan';

/**
 * A service's key in groups, in another alphabet than the table's: a value whose groups have the lengths
 * of a key of the service its name names (`everhour=XODZ-0348-784109-qouawx-18336060`, where Everhour's
 * keys are hex in groups of 4, 4, 6, 6 and 8). The report tier holds the table's alphabets and says nothing
 * on such a near miss; the redact tier hides it, as it hides a prefix look-alike. The groups' lengths are the
 * evidence, so only lengths a key has and ids do not: three groups or more, each of four or more (a UUID's
 * lengths name ids everywhere), a digit in the value, the service named in the value's own name.
 */

/** The services with a key in groups, by the groups' lengths (`4-4-6-6-8`). */
const BY_GROUPS = new Map<string, ServiceEntry[]>();
for (const entry of serviceKeyIndex.entries) {
  for (const part of entry.parts) {
    const shape = part.shape;
    if (
      part.secret &&
      shape.length >= 3 &&
      shape.every((seg) => seg.min === seg.max && seg.min >= 4 && (seg.join ?? '-') === '-')
    ) {
      const key = shape.map((seg) => seg.min).join('-');
      if (key !== '8-4-4-4-12') {
        BY_GROUPS.set(key, [...(BY_GROUPS.get(key) ?? []), entry]);
      }
    }
  }
}

/** Letters, digits and `-`: the characters of a key in groups. */
const GROUPED = alnumTable('-');
/** The shortest such key: no run shorter is read. */
const SHORTEST = Math.min(
  ...[...BY_GROUPS.keys()].map((k) => k.split('-').reduce((n, g) => n + Number(g) + 1, -1)),
);
/** The value's own name right before it, on its line: `everhour=`, `EVERHOUR_API_KEY: "`, `everhour key `. */
const NAME_BEFORE =
  /([A-Za-z][A-Za-z0-9_.-]{0,48})(?: [A-Za-z]{1,12})?["'`]?[ \t]{0,3}(?:=>|:=|[:=])?[ \t]{0,3}["'`]?$/;
/** A group that counts up or repeats (`ABCDEFG`, `1234567`, `2222`): a documentation sample's, when two are. */
const SAMPLE_GROUP = /^(?:(.)\1+|0?1234567?8?9?|ABCDEFG?H?|abcdefg?h?|HIJKLMN|OPQRSTU)$/;
/**
 * A group of one mask character (`XXXX`, `0000`): a sample's on its own. A drawn digit group repeats one digit
 * now and then (`2222`, 1 in 1,000), so any other group marks a sample only beside a second such group.
 */
const MASK_GROUP = /^(?:[xX]+|0+)$/;

export const findServiceLookAlikes: RecallDetector = (text, out) => {
  if (BY_GROUPS.size === 0) {
    return;
  }
  const runs = longRuns(text, GROUPED, SHORTEST);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    // A key stands alone: not the tail of a longer name or path (`x-XODZ-…`, `/XODZ-…`).
    if (
      end - start > 80 ||
      text.charCodeAt(start) === 45 ||
      /[\w/.-]/.test(text[start - 1] ?? ' ') ||
      /[\w/.]/.test(text[end] ?? ' ')
    ) {
      continue;
    }
    const value = text.slice(start, end);
    const groups = value.split('-');
    const services = BY_GROUPS.get(groups.map((g) => g.length).join('-'));
    if (
      services === undefined ||
      !/[0-9]/.test(value) ||
      isSample(groups) ||
      !namedBefore(text, start, services)
    ) {
      continue;
    }
    out.push({ start, end, kind: 'token' });
  }
};

/** Whether the groups are a documentation sample's: one masked group, or two that count up or repeat. */
function isSample(groups: readonly string[]): boolean {
  return groups.some((g) => MASK_GROUP.test(g)) || groups.filter((g) => SAMPLE_GROUP.test(g)).length >= 2;
}

/** Whether the name right before `at` names one of `services` by a word of its own (`everhour`, `EVERHOUR_KEY`). */
function namedBefore(text: string, at: number, services: readonly ServiceEntry[]): boolean {
  const before = text.slice(Math.max(0, at - 64), at);
  const name = NAME_BEFORE.exec(before.slice(before.lastIndexOf('\n') + 1))?.[1];
  if (name === undefined) {
    return false;
  }
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[ _.-]+/);
  return words.some((w) =>
    serviceKeyIndex.servicesNamed(w).some((e) => services.includes(e) && (!e.named || words.length > 1)),
  );
}
