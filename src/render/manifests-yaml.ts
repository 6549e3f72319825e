/**
 * Objects as one multi-document YAML stream that `kubectl apply -f` reads back to the same
 * objects: written as YAML 1.1, so strings such as `yes`, `on` or `0x1F` stay quoted for
 * kubectl's YAML 1.1 reader (and for src/io/parse-documents.ts, which reads as kubectl does).
 */
import { stringify } from 'yaml';

export function manifestsYaml(objects: readonly unknown[]): string {
  return objects.map(object => stringify(object, { version: '1.1', lineWidth: 0 })).join('---\n');
}
