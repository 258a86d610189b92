import type { Rule } from './rule';
import { githubRules } from './rules/github';

/** Every built-in rule, in a stable order. Ids are unique (a unit test holds this). */
export const builtinRules: readonly Rule[] = [...githubRules];
