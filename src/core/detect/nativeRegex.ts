/**
 * V8 runs a regex's first executions on bytecode it compiles for them, and compiles the regex to machine
 * code only once it has run ("tier-up"). For the catalogue's large patterns (the generic rules' sources
 * run to 6,000 characters) the bytecode is the dear part: compiling it (with its peephole pass) took 4-6
 * ms a pattern against 1-1.5 ms for the machine code, so a scan's first window of each rule paid both.
 * A first execution on a subject of 1,000 characters or more goes to machine code straight away (V8
 * expects a long subject to pay for it), so the engine's patterns are run once on such a text before
 * their first real use: measured over the 834 rule regexes, 283 ms of first executions became 87 ms.
 *
 * Nothing else changes: the compiled code is the code V8 would have reached after one execution.
 */

/** At least V8's subject length for an immediate tier-up (`kTierUpForSubjectLengthValue`). */
const PRIMER = ' '.repeat(1024);

/**
 * `new RegExp(source, flags)` with its machine code compiled. Meant for global or sticky patterns: the
 * priming run starts at the primer's end, so it tries one offset, not a thousand.
 */
export function nativeRegex(source: string, flags: string): RegExp {
  const re = new RegExp(source, flags);
  re.lastIndex = PRIMER.length;
  re.exec(PRIMER);
  re.lastIndex = 0;
  return re;
}
