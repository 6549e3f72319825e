/**
 * Short lists that an analysis keeps by the tens of thousands (a model's selectors and rules, an
 * index's groups), kept at their length: a list built by `push` or `filter` keeps room to grow
 * (17 slots for one item), and the garbage collector copies all of it while the analysis runs.
 */

/** The one empty list; frozen, so a caller that tries to grow it fails loudly. */
export const NONE: never[] = Object.freeze([]) as never[];

/** `list` at its length (a copy), or NONE. */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}
