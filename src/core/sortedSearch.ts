/**
 * The index of the last element of `sorted` (ascending, not empty) that is `value` or less; 0 when every
 * element is greater. A binary search: line starts, the pieces of a joined view.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}
