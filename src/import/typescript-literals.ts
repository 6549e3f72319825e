/** TypeScript source text for plain values, in the project's style (single quotes, bare keys when they can be). */

/** A single-quoted string literal: every character the value has, escaped where a literal needs it. */
export function stringLiteral(value: string): string {
  // JSON escapes backslashes, control characters and double quotes; single quotes then delimit it.
  const body = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, '\\\'');
  return `'${body}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise (`app`, `'k8s-app'`). */
export function keyLiteral(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : stringLiteral(key);
}

/** `{ app: 'web', 'k8s-app': 'dns' }`, keys in the order given. */
export function stringMapLiteral(map: Readonly<Record<string, string>>): string {
  const entries = Object.entries(map).map(([key, value]) => `${keyLiteral(key)}: ${stringLiteral(value)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** `['a', 'b']`. */
export function stringListLiteral(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(', ')}]`;
}
