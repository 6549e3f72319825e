/** `compute()` for `key`, computed once: the value `cache` holds, or computed and stored there. */
export function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** `text` as one part of a memo key built from several strings: length-prefixed, so that no two different lists of parts make the same key. */
export function keyPart(text: string): string {
  return `${text.length}:${text}`;
}
