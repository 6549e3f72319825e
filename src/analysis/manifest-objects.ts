/**
 * Defensive reading of manifest objects: they come from user files, so any field may be
 * missing or of the wrong type, and keys like `__proto__` must never reach a prototype.
 */
import type { Labels, ManifestDocument, SourceLocation } from './model';

export type PlainObject = Readonly<Record<string, unknown>>;

/** One Kubernetes object to classify, after Lists and arrays were unpacked. */
export interface ManifestObject {
  readonly object: unknown;
  readonly source: SourceLocation;
}

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: inherited ones (`constructor`, `__proto__` getters) read as missing. */
export function field(obj: unknown, key: string): unknown {
  return isPlainObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A field along a path of own properties, e.g. `path(o, 'spec', 'template', 'metadata')`. */
export function path(obj: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((value, key) => field(value, key), obj);
}

export function stringField(obj: unknown, key: string): string | undefined {
  const value = field(obj, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An array field; anything else reads as an empty list. */
export function arrayField(obj: unknown, key: string): readonly unknown[] {
  const value = field(obj, key);
  return Array.isArray(value) ? value : [];
}

/**
 * The prototype of label maps: empty, with no prototype of its own, so that no key is ever
 * inherited. Maps made from it stay in V8's fast mode; `Object.create(null)` ones are hash
 * tables, which made the model of a chart's thousands of selectors larger than its manifests.
 */
const NOTHING_INHERITED: object = Object.freeze(Object.create(null));

/**
 * A label's value as the API server stores it: a string as is; `null` (`app:` or `app: ~`) is
 * the empty string, as JSON's null decodes into a Go string map; anything else is no label
 * value (the server rejects the object: see `nonStringLabel`).
 */
export function labelValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : value === null ? '' : undefined;
}

/**
 * A label map that inherits no key, keeping only the values `labelValue` reads. `__proto__` is
 * dropped: it is not a valid label key, and a copy into a plain object would change its prototype.
 */
export function readLabels(value: unknown): Labels {
  const labels: Record<string, string> = Object.create(NOTHING_INHERITED);
  if (!isPlainObject(value)) return labels;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || key === '__proto__') continue;
    const v = labelValue(value[key]);
    if (v !== undefined) labels[key] = v;
  }
  return labels;
}

/**
 * The first entry of a label map (of the keys `readLabels` reads) whose value is neither a string
 * nor null (`enabled: yes` is a boolean for kubectl, `version: 1.0` a number), as `key: value`:
 * the API server rejects the object.
 */
export function nonStringLabel(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  for (const key in value) {
    if (Object.hasOwn(value, key) && key !== '__proto__' && labelValue(value[key]) === undefined) return `${key}: ${JSON.stringify(value[key])}`;
  }
  return undefined;
}

/** An object's kind, apiVersion, name and namespace, as `objectMeta` reads them. */
export interface ObjectMeta {
  readonly kind?: string;
  readonly apiVersion?: string;
  readonly name?: string;
  readonly namespace: string;
  /** The name is made from `generateName` (see GENERATED_NAME), as the API server would make one. */
  readonly generated: boolean;
}

/**
 * What stands in a generated name for the suffix the API server picks: `web-` → `web-<generated>`.
 * `<` and `>` are in no Kubernetes name, so it cannot collide with an object's real name.
 */
export const GENERATED_NAME = '<generated>';

/**
 * The object's kind, name and namespace (`default` when unset: namespaced objects live there
 * unless told). An object with only `metadata.generateName` is named from that prefix.
 */
export function objectMeta(obj: unknown): ObjectMeta {
  const metadata = field(obj, 'metadata');
  const name = stringField(metadata, 'name');
  const prefix = name === undefined ? stringField(metadata, 'generateName') : undefined;
  return {
    kind: stringField(obj, 'kind'),
    apiVersion: stringField(obj, 'apiVersion'),
    name: prefix === undefined ? name : `${prefix}${GENERATED_NAME}`,
    namespace: stringField(metadata, 'namespace') ?? 'default',
    generated: prefix !== undefined,
  };
}

/** `file:line` (or `file`, or `document N` for objects held in memory): where a message points. */
export function placeOf(source: SourceLocation | undefined): string {
  if (source === undefined) return '(unknown place)';
  if (source.file === undefined) return `document ${source.documentIndex}`;
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}

/**
 * Whether `kind` is one of `groups`' kinds, from one of the API groups listed for it ('' is the
 * core group), so a CRD that reuses a name (`example.com/v1 Deployment`) is not mistaken for it.
 * A missing apiVersion is accepted.
 */
export function isKindOf(groups: ReadonlyMap<string, readonly string[]>, kind: string | undefined, apiVersion: string | undefined): boolean {
  if (kind === undefined || !groups.has(kind)) return false;
  if (apiVersion === undefined) return true;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return groups.get(kind)!.includes(group);
}

/**
 * Unpack every document into single objects. A document may be an array (what cdk8s'
 * `chart.toJson()` returns; items get their array index as `documentIndex`), a `List`, or a
 * typed list (`PodList`, `NetworkPolicyList`…) whose items may omit `kind` and `apiVersion`:
 * they are taken from the list (kind minus `List`). Items of a list keep the list's source.
 */
export function unpackDocuments(docs: readonly ManifestDocument[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  const visit = (object: unknown, source: SourceLocation): void => {
    if (Array.isArray(object)) {
      object.forEach((item, documentIndex) => visit(item, { ...source, documentIndex }));
      return;
    }
    const kind = stringField(object, 'kind');
    if (kind === undefined || !kind.endsWith('List') || !Array.isArray(field(object, 'items'))) {
      out.push({ object, source });
      return;
    }
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const apiVersion = stringField(object, 'apiVersion');
    for (const item of arrayField(object, 'items')) {
      const typed = itemKind !== undefined && isPlainObject(item)
        ? { apiVersion, ...item, kind: stringField(item, 'kind') ?? itemKind }
        : item;
      visit(typed, source);
    }
  };
  for (const doc of docs) visit(doc.object, doc.source);
  return out;
}
