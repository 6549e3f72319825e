import { Document, isScalar, LineCounter, parseAllDocuments, visit } from 'yaml';
import { parseSimpleYaml } from './fast-yaml';
import { InputError } from './input-error';
import type { ManifestDocument } from '../analysis/model';

/**
 * Aliases expand on conversion, so a few lines of YAML can become gigabytes ("billion laughs").
 * Real manifests use few or none; past this many the document is refused rather than expanded.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Every document costs the parser about a kilobyte even when empty: 2 million bare `---` lines
 * (8 MB) took a minute and 2 GB. Real files hold hundreds; past this many the file is refused.
 */
const MAX_DOCUMENTS = 20_000;

/** 1-based line and column in a file. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A parsed document that can still point into its text, so errors about a field name its line. */
export interface ParsedDocument extends ManifestDocument {
  /** Where `field` (`spec.ingress[0].ports[0].port`) is written, or its nearest parent that is. */
  locate(field: string): TextPosition;
}

/**
 * Splits one file into its documents: multi-document YAML, or JSON (YAML 1.2 reads JSON, so one
 * parser gives positions for both). Empty documents are skipped but keep their place in the
 * numbering, so `document 2` is the third `---` section a reader counts in the file.
 *
 * Plain block YAML (what `cdk8s synth` and `kubectl get -o yaml` write) goes through a fast reader
 * (fast-yaml.ts) that gives exactly the same documents, about 10x faster; anything else, and every
 * error, goes through the `yaml` package. Field positions, needed only for error messages, are
 * then found by parsing that one file with `yaml` when first asked.
 */
export function parseDocuments(text: string, file: string): ParsedDocument[] {
  refuseTooManyDocuments(text, file);
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return parseWithPositions(text, file);
  let full: ParsedDocument[] | undefined;
  const locate = (documentIndex: number, field: string): TextPosition => {
    full ??= parseWithPositions(text, file);
    return full.find(d => d.source.documentIndex === documentIndex)!.locate(field);
  };
  return fast.map(({ documentIndex, line, value }) => ({
    object: value,
    source: { file, documentIndex, line },
    locate: (field: string) => locate(documentIndex, field),
  }));
}

/** The `yaml` package's full parse, with positions for every node. */
function parseWithPositions(text: string, file: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const parsed: ParsedDocument[] = [];
  // `merge`: `<<: *defaults` merge keys, which kubectl's YAML 1.1 reader applies and YAML 1.2 would keep as a plain key.
  // `uniqueKeys: false`: the parser's own check is quadratic (a 7 MB map of 600,000 keys ran for minutes); duplicateKeyAt does it linearly.
  parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: false }).forEach((doc, documentIndex) => {
    const error = doc.errors[0];
    if (error) {
      const at = position(error.pos[0]);
      throw new InputError(`document ${documentIndex}: syntax error: ${error.message}`, file, at.line, at.column);
    }
    const duplicate = duplicateKeyAt(doc);
    if (duplicate !== undefined) {
      // kubectl's strict decoding refuses duplicate keys; the words are the parser's own.
      const at = position(duplicate);
      throw new InputError(`document ${documentIndex}: syntax error: Map keys must be unique`, file, at.line, at.column);
    }
    // `---` with nothing after it, or a lone `~`: kubectl skips these too.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
    const start = position(doc.contents.range[0]);
    // A bare word or number is never a manifest (often a stray line or a template leftover); a sequence is read as a list of them.
    if (isScalar(doc.contents)) {
      throw new InputError(`document ${documentIndex}: expected a manifest (a mapping with apiVersion and kind), found ${JSON.stringify(doc.contents.toJSON())}`, file, start.line, start.column);
    }
    parsed.push({
      object: toObject(doc, file, documentIndex, start),
      source: { file, documentIndex, line: start.line },
      locate: field => position(nearestNode(doc, fieldPath(field))?.range?.[0] ?? doc.contents!.range[0]),
    });
  });
  return parsed;
}

function refuseTooManyDocuments(text: string, file: string): void {
  let count = 0;
  for (const _ of text.matchAll(/^---/gm)) {
    if (++count > MAX_DOCUMENTS) {
      throw new InputError(`has more than ${MAX_DOCUMENTS} YAML documents ('---'), the limit for one file; split it into several files and pass them, or their folder`, file);
    }
  }
}

/** Where the first repeated key of any mapping is written (scalar keys, compared by value), if one is. */
function duplicateKeyAt(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          offset = key.range?.[0];
          return visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return offset;
}

function toObject(doc: Document, file: string, documentIndex: number, start: TextPosition): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const reason = /alias count/i.test(message)
      ? `more than ${MAX_ALIAS_COUNT} YAML alias expansions, refused as a likely resource-exhaustion attack`
      : message;
    throw new InputError(`document ${documentIndex}: ${reason}`, file, start.line, start.column);
  }
}

/** `spec.ingress[0].from` → `['spec', 'ingress', 0, 'from']`. */
function fieldPath(field: string): Array<string | number> {
  return [...field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(m => (m[1] !== undefined ? Number(m[1]) : m[2]));
}

function nearestNode(doc: Document, path: Array<string | number>): { range?: readonly number[] | null } | undefined {
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: readonly number[] | null } | undefined;
    if (node?.range) return node;
  }
  return undefined;
}
