/**
 * A fast reader for the plain block YAML that `cdk8s synth`, `kubectl get -o yaml` and most
 * generators write: block mappings and sequences, plain, single- and double-quoted (escape-free)
 * one-line scalars, `{}` and `[]`, comments on their own lines, `---` between documents.
 *
 * It gives exactly what the `yaml` package gives for that subset, read as parse-documents.ts has
 * it read (plain scalars resolved as kubectl resolves them, kubectl-scalars.ts), and returns
 * `undefined` as soon as the text uses anything else (anchors, aliases, tags, flow collections,
 * block or multi-line scalars, escapes, directives, tabs, CRLF, byte order marks, duplicate or
 * non-string keys, scalars kubectl-scalars.ts refuses): the caller then parses the file with
 * `yaml`, which also produces every error message. So it never changes a result, only its speed
 * (test/performance/fast-yaml.test.ts compares the two, on fixtures and on generated documents).
 *
 * Only spaces are trimmed: YAML's white space is space and tab (declined), and any other
 * character, such as a no-break space at the end of a value, is part of the value.
 */
import { resolvePlainScalar, UnreadableScalar } from './kubectl-scalars';

/** One document of the file: its index as `yaml` counts them, the 1-based line where its content starts, its value. */
export interface FastDocument {
  readonly documentIndex: number;
  readonly line: number;
  readonly value: unknown;
}

/** Thrown inside the reader when the text leaves the subset. */
class OutsideSubset extends Error {}

interface Line {
  /** Column of the first character (spaces before it). */
  readonly indent: number;
  /** The line without its indentation and trailing spaces. */
  readonly text: string;
  /** 1-based line number. */
  readonly no: number;
}

/** The documents of `text`, or undefined when it is not in the subset (then use the full parser). */
export function parseSimpleYaml(text: string): FastDocument[] | undefined {
  // A byte order mark is dropped at the start of the stream by `yaml` and kept elsewhere: left to it.
  if (text.includes('\t') || text.includes('\r') || text.includes('\ufeff')) return undefined;
  try {
    return readDocuments(text);
  } catch (e) {
    if (e instanceof OutsideSubset) return undefined;
    throw e;
  }
}

function outside(): never {
  throw new OutsideSubset();
}

function readDocuments(text: string): FastDocument[] {
  const raw = text.split('\n');
  const segments: { lines: Line[]; afterMarker: boolean }[] = [{ lines: [], afterMarker: false }];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    if (line.startsWith('---')) {
      const rest = trimSpaces(line.slice(3));
      if (line.length > 3 && line[3] !== ' ') outside(); // `---x` is a scalar, not a marker
      if (rest !== '' && !rest.startsWith('#')) outside(); // content after the marker
      segments.push({ lines: [], afterMarker: true });
      continue;
    }
    if (line.startsWith('...') || line.startsWith('%')) outside();
    const trimmed = trimSpacesEnd(line);
    let indent = 0;
    while (indent < trimmed.length && trimmed.charCodeAt(indent) === 32) indent++;
    if (indent === trimmed.length || trimmed[indent] === '#') continue; // blank or comment
    segments[segments.length - 1].lines.push({ indent, text: trimmed.slice(indent), no: i + 1 });
  }
  const documents: FastDocument[] = [];
  let documentIndex = 0;
  for (const { lines, afterMarker } of segments) {
    if (!afterMarker && lines.length === 0) continue; // nothing before the first `---`: no document
    if (lines.length > 0) {
      const reader = new BlockReader(lines);
      const value = reader.document();
      documents.push({ documentIndex, line: lines[0].no, value });
    }
    documentIndex++;
  }
  return documents;
}

const isSequenceItem = (text: string) => text === '-' || text.startsWith('- ');

/** `key: rest` or `key:` → [key, rest]; undefined when the line is not a mapping entry. */
function splitEntry(text: string): [string, string] | undefined {
  let at = text.indexOf(': ');
  if (at === -1) {
    if (!text.endsWith(':')) return undefined;
    at = text.length - 1;
  }
  const key = text.slice(0, at);
  if (key === '' || key.startsWith('"') || key.startsWith('\'') || key.endsWith(' ')) outside();
  return [key, trimSpacesStart(text.slice(at + 1))];
}

/** Nesting deeper than any manifest; past it the full parser takes over. */
const MAX_DEPTH = 100;

class BlockReader {
  private p = 0;
  private depth = 0;

  public constructor(private readonly lines: Line[]) {}

  public document(): unknown {
    const first = this.lines[0];
    if (!isSequenceItem(first.text) && !splitEntry(first.text)) outside(); // a scalar document: let `yaml` say so
    const value = this.block();
    if (this.p < this.lines.length) outside();
    return value;
  }

  /** The collection starting at the current line. */
  private block(): unknown {
    const line = this.lines[this.p];
    // Deep nesting is hostile input, not a manifest: the full parser refuses it at a position.
    if (++this.depth > MAX_DEPTH) outside();
    let value: unknown;
    if (isSequenceItem(line.text)) value = this.sequence(line.indent);
    else if (splitEntry(line.text)) value = this.mapping(line.indent);
    else outside(); // a multi-line plain scalar
    this.depth--;
    return value;
  }

  private deeperThan(indent: number): boolean {
    return this.p < this.lines.length && this.lines[this.p].indent > indent;
  }

  private mapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    while (this.p < this.lines.length && this.lines[this.p].indent === indent && !isSequenceItem(this.lines[this.p].text)) {
      const entry = splitEntry(this.lines[this.p].text) ?? outside();
      const key = entry[0];
      if (typeof plain(key) !== 'string' || key === '__proto__' || key === '<<' || Object.hasOwn(result, key)) outside();
      this.p++;
      let value: unknown;
      if (entry[1] !== '') {
        value = inline(entry[1]);
        if (this.deeperThan(indent)) outside(); // the scalar goes on over more lines
      } else if (this.deeperThan(indent)) {
        value = this.block();
      } else if (this.p < this.lines.length && this.lines[this.p].indent === indent && isSequenceItem(this.lines[this.p].text)) {
        value = this.sequence(indent);
      } else {
        value = null;
      }
      result[key] = value;
    }
    if (this.deeperThan(indent)) outside();
    return result;
  }

  private sequence(indent: number): unknown[] {
    const result: unknown[] = [];
    while (this.p < this.lines.length && this.lines[this.p].indent === indent && isSequenceItem(this.lines[this.p].text)) {
      const line = this.lines[this.p];
      const afterDash = line.text.slice(1);
      const content = trimSpacesStart(afterDash);
      if (content === '') {
        this.p++;
        result.push(this.deeperThan(indent) ? this.block() : null);
      } else if (isSequenceItem(content)) {
        outside(); // `- - x`
      } else if (splitEntry(content)) {
        // `- key: value`: a mapping whose keys line up with this one.
        const column = indent + 1 + (afterDash.length - content.length);
        this.lines[this.p] = { indent: column, text: content, no: line.no };
        result.push(this.mapping(column));
      } else {
        this.p++;
        result.push(inline(content));
        if (this.deeperThan(indent)) outside();
      }
    }
    if (this.deeperThan(indent)) outside();
    return result;
  }
}

/** A value written on the line of its key or dash. */
function inline(text: string): unknown {
  if (text === '{}') return {};
  if (text === '[]') return [];
  const first = text[0];
  if (first === '"') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('"') || inner.includes('"') || inner.includes('\\')) outside();
    return inner;
  }
  if (first === '\'') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('\'') || inner.replace(/''/g, '').includes('\'')) outside();
    return inner.replace(/''/g, '\'');
  }
  return plain(text);
}

const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

/** A plain (unquoted) one-line scalar. */
function plain(text: string): unknown {
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) outside();
  // `-` and `:` may start a plain scalar when a non-space follows (`::/0`, `-x`); other indicators may not.
  const first = text[0];
  if (INDICATORS.has(first) && !((first === '-' || first === ':') && text.length > 1 && text[1] !== ' ')) outside();
  try {
    return resolvePlainScalar(text);
  } catch (e) {
    if (e instanceof UnreadableScalar) outside(); // the full parser refuses it at its position
    throw e;
  }
}

const isSpace = (text: string, i: number) => text.charCodeAt(i) === 32;

function trimSpacesStart(text: string): string {
  let start = 0;
  while (start < text.length && isSpace(text, start)) start++;
  return start === 0 ? text : text.slice(start);
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text, end - 1)) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trimSpaces(text: string): string {
  return trimSpacesStart(trimSpacesEnd(text));
}
