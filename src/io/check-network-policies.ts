import { InputError, locationPrefix } from './input-error';
import type { TextPosition } from './parse-documents';
import { objectMeta, unpackDocuments } from '../analysis/manifest-objects';
import type { ManifestDocument } from '../analysis/model';
import { formatProblem, type ValidationProblem } from '../analysis/validation/problem';
import { validateNetworkPolicy } from '../analysis/validation/validate-network-policy';

/** A document from a file can point at a field's line; one built in memory cannot. */
export type CheckedDocument = ManifestDocument & { locate?(field: string): TextPosition };

/**
 * Refuses any NetworkPolicy the API server would refuse (docs/semantics.md §1): analysing a manifest
 * that can never be applied would prove something about a cluster that cannot exist. Items of
 * Lists and arrays are checked too, unpacked the way the model reads them. Every rejected
 * field of the first bad policy is reported, each at its own line when the text is known.
 */
export function checkNetworkPolicies(docs: readonly CheckedDocument[]): void {
  for (const doc of docs) {
    for (const { object, source } of unpackDocuments([doc])) {
      if (!isNetworkPolicy(object)) continue;
      const rejected = validateNetworkPolicy(object).filter(p => p.severity === 'rejected');
      // Fields can be located only in the document's own object: a list item's path starts elsewhere.
      const locate = object === doc.object ? doc.locate : undefined;
      if (rejected.length > 0) throw rejectionError({ ...source, locate }, object, rejected);
    }
  }
}

/**
 * Kubernetes' own kind only (Calico's projectcalico.org/v3 NetworkPolicy is another object).
 * Unlike the model, a policy without a name counts: the server refuses it, so we say so.
 */
function isNetworkPolicy(object: unknown): boolean {
  const { kind, apiVersion } = objectMeta(object);
  return kind === 'NetworkPolicy' && (apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/'));
}

interface Where extends Readonly<ManifestDocument['source']> {
  locate?(field: string): TextPosition;
}

function rejectionError(where: Where, policy: unknown, problems: readonly ValidationProblem[]): InputError {
  const { file, documentIndex, line } = where;
  const { name = '(unnamed)', namespace } = objectMeta(policy);
  const reports = problems.map(p => ({
    at: where.locate?.(p.field) ?? { line, column: undefined },
    text: `document ${documentIndex}: NetworkPolicy ${namespace}/${name} would be rejected by the API server: ${formatProblem(p)}`,
  }));
  const [first, ...rest] = reports;
  const more = rest.map(r => `\n${locationPrefix(file, r.at.line, r.at.column)}${r.text}`);
  return new InputError(first.text + more.join(''), file, first.at.line, first.at.column);
}
