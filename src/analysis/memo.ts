/** `compute()` for `key`, computed once: the value `cache` holds, or computed and stored there. */
export function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
