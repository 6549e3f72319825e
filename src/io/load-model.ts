import { checkNetworkPolicies, type CheckedDocument, type InvalidPolicies } from './check-network-policies';
import { loadManifests } from './load-manifests';
import type { ApiRejection } from '../analysis/lint';
import type { ClusterModel } from '../analysis/model';
import { buildModel } from '../analysis/model-builder';

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
  return { model: buildModel(checked.docs), rejections: checked.rejections };
}
