import { InputError, locationPrefix } from './input-error';
import type { TextPosition } from './parse-documents';
import type { ApiRejection } from '../analysis/lint';
import { objectMeta, unpackDocuments } from '../analysis/manifest-objects';
import type { ManifestDocument } from '../analysis/model';
import { formatProblem, type ValidationProblem } from '../analysis/validation/problem';
import { clusterPolicyKind, validateClusterScopedPolicy } from '../analysis/validation/validate-cluster-network-policy';
import { validateNetworkPolicy } from '../analysis/validation/validate-network-policy';

/** A document from a file can point at a field's line; one built in memory cannot. */
export type CheckedDocument = ManifestDocument & { locate?(field: string): TextPosition };

/**
 * What to do with a NetworkPolicy the API server would refuse (docs/semantics.md §1):
 * `refuse` the whole input (analysing a manifest that can never be applied would prove
 * something about a cluster that cannot exist), or `omit` the policy and say why (lint).
 */
export type InvalidPolicies = 'refuse' | 'omit';

/** The documents to model, and the rejected fields of the policies left out of them. */
export interface CheckedInput {
  readonly docs: readonly ManifestDocument[];
  readonly rejections: readonly ApiRejection[];
}

/**
 * Checks every NetworkPolicy with the shared validator, items of Lists and arrays included
 * (unpacked the way the model reads them). `refuse` throws an InputError listing every
 * rejected field of the first bad policy, each at its own line when the text is known;
 * `omit` leaves each bad policy out of the documents and returns its rejected fields.
 */
export function checkNetworkPolicies(docs: readonly CheckedDocument[], invalidPolicies: InvalidPolicies = 'refuse'): CheckedInput {
  const kept: ManifestDocument[] = [];
  const rejections: ApiRejection[] = [];
  for (const doc of docs) {
    for (const item of unpackDocuments([doc])) {
      const rejected = apiProblems(item.object).filter(p => p.severity === 'rejected');
      if (rejected.length === 0) {
        kept.push(item);
        continue;
      }
      // Fields can be located only in the document's own object: a list item's path starts elsewhere.
      const where = { ...item.source, locate: item.object === doc.object ? doc.locate : undefined };
      if (invalidPolicies === 'refuse') throw rejectionError(where, item.object, rejected);
      rejections.push(...rejected.map(problem => rejection(where, item.object, problem)));
    }
  }
  // Unpacked items are documents too; the originals are kept when nothing was left out.
  return { docs: rejections.length === 0 ? docs : kept, rejections };
}

/** The shared validator's problems with a NetworkPolicy or a cluster-scoped policy (ClusterNetworkPolicy, …); none for other objects. */
function apiProblems(object: unknown): ValidationProblem[] {
  return isNetworkPolicy(object) ? validateNetworkPolicy(object) : validateClusterScopedPolicy(object);
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

/** `ns/name` as the model names it: a policy without a namespace is in `default`; a cluster-scoped one has none (''). */
function policyOf(policy: unknown) {
  const clusterKind = clusterPolicyKind(policy);
  const { name = '(unnamed)', namespace = 'default' } = objectMeta(policy);
  return clusterKind ? { kind: clusterKind, namespace: '', name } : { kind: 'NetworkPolicy', namespace, name };
}

function rejection(where: Where, policy: unknown, problem: ValidationProblem): ApiRejection {
  const { file, documentIndex, line } = where;
  return { policy: policyOf(policy), problem, source: { file, documentIndex, line: where.locate?.(problem.field).line ?? line } };
}

function rejectionError(where: Where, policy: unknown, problems: readonly ValidationProblem[]): InputError {
  const { file, documentIndex, line } = where;
  const { kind, namespace, name } = policyOf(policy);
  const reports = problems.map(p => ({
    at: where.locate?.(p.field) ?? { line, column: undefined },
    text: `document ${documentIndex}: ${kind} ${namespace ? `${namespace}/` : ''}${name} would be rejected by the API server: ${formatProblem(p)}`,
  }));
  const [first, ...rest] = reports;
  const more = rest.map(r => `\n${locationPrefix(file, r.at.line, r.at.column)}${r.text}`);
  return new InputError(first.text + more.join(''), file, first.at.line, first.at.column);
}
