/**
 * Input the analyzer cannot work with: an unreadable path, malformed YAML/JSON, or a manifest
 * the API server would refuse. The message leads with `file:line:col:` so editors and
 * terminals can jump to it; the CLI prints it as is and exits 2.
 */
export class InputError extends Error {
  constructor(
    reason: string,
    /** Path as given by the user; undefined for in-memory objects (a chart, a list of manifests). */
    public readonly file?: string,
    /** 1-based. */
    public readonly line?: number,
    /** 1-based. */
    public readonly column?: number,
  ) {
    super(locationPrefix(file, line, column) + reason);
    this.name = 'InputError';
  }
}

/** `file:line:col: `, leaving out what is unknown; empty when nothing is. */
export function locationPrefix(file?: string, line?: number, column?: number): string {
  const parts = [file, line, line === undefined ? undefined : column].filter(p => p !== undefined);
  return parts.length === 0 ? '' : `${parts.join(':')}: `;
}
