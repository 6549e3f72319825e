import { Document, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { InputError } from './input-error';
import type { ManifestDocument } from '../analysis/model';

/**
 * Aliases expand on conversion, so a few lines of YAML can become gigabytes ("billion laughs").
 * Real manifests use few or none; past this many the document is refused rather than expanded.
 */
const MAX_ALIAS_COUNT = 100;

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
 */
export function parseDocuments(text: string, file: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const parsed: ParsedDocument[] = [];
  // `merge`: `<<: *defaults` merge keys, which kubectl's YAML 1.1 reader applies and YAML 1.2 would keep as a plain key.
  parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true }).forEach((doc, documentIndex) => {
    const error = doc.errors[0];
    if (error) {
      const at = position(error.pos[0]);
      throw new InputError(`document ${documentIndex}: syntax error: ${error.message}`, file, at.line, at.column);
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
