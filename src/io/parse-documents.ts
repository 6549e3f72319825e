import { Document, isAlias, isMap, isScalar, LineCounter, type Node, parseAllDocuments, type ParseOptions, type DocumentOptions, type SchemaOptions, type ScalarTag, visit } from 'yaml';
import { parseSimpleYaml } from './fast-yaml';
import { InputError } from './input-error';
import { isIntegerForm, resolvePlainScalar, UnreadableScalar } from './kubectl-scalars';
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

/**
 * Every plain scalar (all but `<<`, the merge key) is resolved as kubectl resolves it
 * (kubectl-scalars.ts); quoted ones stay strings, as in the failsafe schema under it.
 */
const KUBECTL_PLAIN_SCALAR: ScalarTag = {
  tag: 'tag:cdk8s-netpol:kubectl-plain-scalar',
  default: true,
  test: /^(?!<<$)/,
  resolve(text, onError) {
    try {
      return resolvePlainScalar(text);
    } catch (e) {
      if (!(e instanceof UnreadableScalar)) throw e;
      onError(e.message);
      return text;
    }
  },
};

export const KUBECTL_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe',
  customTags: [KUBECTL_PLAIN_SCALAR],
  // `<<: *defaults` merge keys, which kubectl's YAML 1.1 reader applies and YAML 1.2 would keep as a plain key.
  merge: true,
  // The parser's own check is quadratic (a 7 MB map of 600,000 keys ran for minutes); keyProblem does it linearly.
  uniqueKeys: false,
  prettyErrors: false,
};

const CORE_TAG = 'tag:yaml.org,2002:';
/** Core tags both readers agree on: the tags of what the node is anyway. */
const AGREED_TAGS = new Set([`${CORE_TAG}str`, `${CORE_TAG}map`, `${CORE_TAG}seq`]);

/**
 * Characters kubectl's YAML 1.1 reader (libyaml's scanner) and YAML 1.2 read differently, so the
 * two would read different documents: U+0085, U+2028 and U+2029 are line breaks in 1.1 (a
 * comment could end early) and text in 1.2; a byte order mark is skipped at the start of any
 * line in 1.1, and kept as text in 1.2 (the one starting the file is dropped when it is read).
 * kubectl reads a stream that starts with `{` as JSON, where all of them are text.
 */
const READ_DIFFERENTLY = /[\u0085\u2028\u2029\ufeff]/;

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
 * Splits one file into its documents: multi-document YAML, or JSON (YAML reads JSON, so one
 * parser gives positions for both). Empty documents are skipped but keep their place in the
 * numbering, so `document 2` is the third `---` section a reader counts in the file.
 *
 * Documents are read as `kubectl apply` reads them: YAML 1.1 scalars (kubectl-scalars.ts), merge
 * keys, map keys converted to JSON's strings. What the two readers could read differently is
 * refused with its position: explicit `!!int`-like tags, a `%YAML 1.2` directive (kubectl refuses
 * it), keys that are null, floats or collections, YAML 1.1 line breaks (U+0085, U+2028, U+2029)
 * and byte order marks inside the text.
 *
 * Plain block YAML (what `cdk8s synth` and `kubectl get -o yaml` write) goes through a fast reader
 * (fast-yaml.ts) that gives exactly the same documents, about 10x faster; anything else, and every
 * error, goes through the `yaml` package. Field positions, needed only for error messages, are
 * then found by parsing that one file with `yaml` when first asked.
 */
export function parseDocuments(text: string, file: string): ParsedDocument[] {
  refuseTooManyDocuments(text, file);
  refuseReadDifferently(text, file);
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
  parseAllDocuments(text, { ...KUBECTL_YAML_OPTIONS, lineCounter }).forEach((doc, documentIndex) => {
    const error = doc.errors[0];
    if (error) {
      const at = position(error.pos[0]);
      // A scalar kubectl-scalars.ts refused says why itself; anything else is the parser's syntax error.
      const what = error.code === 'TAG_RESOLVE_FAILED' ? '' : 'syntax error: ';
      throw new InputError(`document ${documentIndex}: ${what}${error.message}`, file, at.line, at.column);
    }
    if (doc.directives.yaml.explicit && doc.directives.yaml.version !== '1.1') {
      throw new InputError(`document ${documentIndex}: a %YAML ${doc.directives.yaml.version} directive, which kubectl refuses (it reads YAML 1.1 only); remove the directive`,
        file, position(text.lastIndexOf('%YAML', doc.range[0])).line, 1);
    }
    const problem = readingProblem(doc);
    if (problem !== undefined) {
      const at = position(problem.offset);
      throw new InputError(`document ${documentIndex}: ${problem.message}`, file, at.line, at.column);
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

function refuseReadDifferently(text: string, file: string): void {
  const match = READ_DIFFERENTLY.exec(text);
  if (match === null || /^\s*\{/.test(text)) return;
  const before = text.slice(0, match.index);
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const what = code === 'FEFF'
    ? 'a byte order mark inside the text, which kubectl (YAML 1.1) skips at the start of a line and YAML 1.2 keeps'
    : 'a line break for kubectl (YAML 1.1) but not for YAML 1.2';
  throw new InputError(`U+${code} is ${what}, so the two would read different documents; remove it, or write it as \\u${code} in a double-quoted string`,
    file, before.split('\n').length, match.index - before.lastIndexOf('\n'));
}

/**
 * The first thing in a document that kubectl would read differently from the `yaml` package, or
 * refuse: an explicit core tag other than `!!str`, `!!map` and `!!seq`; a mapping key that JSON
 * cannot hold as kubectl converts it (null, a float, a list or mapping); two keys that are the same
 * once converted (`on` and `"true"`; kubectl's strict decoding refuses plain repeats too).
 */
function readingProblem(doc: Document): { offset: number; message: string } | undefined {
  let problem: { offset: number; message: string } | undefined;
  const refuse = (node: { range?: readonly number[] | null }, message: string) => {
    problem = { offset: node.range?.[0] ?? 0, message };
    return visit.BREAK;
  };
  visit(doc, (_, node) => {
    // Local tags (`!foo`) leave the value as it is for both readers; the core ones (`!!int`) do not.
    const tag = (node as { tag?: string }).tag;
    if (tag?.startsWith(CORE_TAG) && !AGREED_TAGS.has(tag)) {
      return refuse(node as Node, `explicit tag !!${tag.slice(CORE_TAG.length)}, which kubectl (YAML 1.1) and YAML 1.2 may resolve differently; remove the tag (quote the value if a string is meant)`);
    }
    if (!isMap(node)) return undefined;
    const seen = new Set<string>();
    for (const { key } of node.items) {
      const scalar = isAlias(key) ? key.resolve(doc) : key;
      if (!isScalar(scalar)) return refuse(key as Node, 'a mapping key that is a list or a mapping, which kubectl cannot convert to JSON; use a string key');
      // Merge keys (`<<`) merge, each of them, and never become keys.
      if (typeof scalar.value === 'symbol') continue;
      const why = keyProblem(scalar.value, scalar.source);
      if (why !== undefined) return refuse(scalar, why);
      const asJson = String(scalar.value);
      if (seen.has(asJson)) return refuse(scalar, 'syntax error: Map keys must be unique');
      seen.add(asJson);
    }
    return undefined;
  });
  return problem;
}

/** Why kubectl would refuse or rename a key (it writes booleans and integers as JSON strings, like `yaml`). */
function keyProblem(value: unknown, source: unknown): string | undefined {
  if (value === null) return 'a mapping key that is null (empty or ~), which kubectl cannot convert to JSON; write the key';
  // Booleans and integers become the strings `yaml` makes of them too; floats and huge integers do not.
  if (typeof value === 'number' && !(Number.isSafeInteger(value) && typeof source === 'string' && isIntegerForm(source))) {
    return `a mapping key that YAML 1.1 reads as the number ${String(source)}, which kubectl turns into another key than this tool would; quote the key`;
  }
  return undefined;
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
