import { checkNetworkPolicies, type CheckedDocument, type InvalidPolicies } from './check-network-policies';
import { InputError } from './input-error';
import { loadManifests } from './load-manifests';
import type { ApiRejection } from '../analysis/lint';
import type { ClusterModel } from '../analysis/model';
import { buildModel } from '../analysis/model-builder';
import { UnreadableObjectError } from '../analysis/unreadable-object';

/** A model of the input, and the rejected fields of the NetworkPolicies left out of it. */
export interface LoadedModel {
  readonly model: ClusterModel;
  /** Empty unless invalid policies are `omit`ted (with `refuse` they throw). */
  readonly rejections: readonly ApiRejection[];
}

/**
 * The one load pipeline of every command of the CLI and of `NetworkAnalysis.fromFiles`:
 * files and folders → parsed documents → checked against the API server's rules → model.
 * Throws InputError for input that cannot be read, and (by default) for a NetworkPolicy the
 * API server would reject.
 */
export function loadModel(paths: readonly string[], invalidPolicies: InvalidPolicies = 'refuse'): LoadedModel {
  return modelOf(loadManifests(paths), invalidPolicies);
}

/** The pipeline from parsed documents on, for manifests that are already objects (a chart, a list of manifests). */
export function modelOf(docs: readonly CheckedDocument[], invalidPolicies: InvalidPolicies = 'refuse'): LoadedModel {
  const checked = checkNetworkPolicies(docs, invalidPolicies);
  try {
    return { model: buildModel(checked.docs), rejections: checked.rejections };
  } catch (error) {
    if (error instanceof UnreadableObjectError) throw unreadable(docs, error);
    throw error;
  }
}

/** An object the model cannot read, as an InputError at its field (the document's own object can point at it; a list item, at the list). */
function unreadable(docs: readonly CheckedDocument[], error: UnreadableObjectError): InputError {
  const doc = docs.find(d => d.object === error.object);
  const at = doc?.locate?.(error.field);
  const { file, documentIndex, line } = error.source ?? {};
  const where = documentIndex === undefined ? '' : `document ${documentIndex}: `;
  return new InputError(`${where}${error.message}`, file, at?.line ?? line, at?.column);
}
