/**
 * A line's ends as a detector reads them around a position, each searched no further than a bound: a caller
 * that needs only a short stretch must not read a whole line from each candidate, or one long line of many
 * candidates (minified code, a one-line dump) costs the square of its length.
 */

/**
 * Where the line holding `at` ends (the offset of its `\n`, or the text's end), or `at + within` if that is
 * sooner.
 */
export function lineEnd(text: string, at: number, within = Infinity): number {
  const stop = Math.min(text.length, at + within);
  // One character past the bound too, so that a `\r\n` right at it ends the line as it would unbounded.
  const nl = stop === text.length ? text.indexOf('\n', at) : text.slice(at, stop + 1).indexOf('\n');
  if (nl === -1) {
    return stop;
  }
  const lf = stop === text.length ? nl : at + nl;
  const end = lf > at && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
  return Math.min(end, stop);
}

/** Where the line holding `at` starts (just past its `\n`, or 0), or `at - within` if that is later. */
export function lineStart(text: string, at: number, within = Infinity): number {
  const from = Math.max(0, at - within);
  const nl = text.slice(from, at).lastIndexOf('\n');
  return nl === -1 ? from : from + nl + 1;
}
