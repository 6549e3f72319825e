import { checkNetworkPolicies } from './check-network-policies';
import { InputError } from './input-error';
import { parseDocuments } from './parse-documents';
import { listManifestFiles, readManifestFile } from './read-files';
import type { ManifestDocument } from '../analysis/model';

/**
 * Reads manifests from files and folders for the analyzer. Throws InputError (never anything
 * else for bad input) naming the file, line and column: unreadable paths, malformed YAML/JSON,
 * refused aliases, files over the size limit or not UTF-8, input without a single object, and
 * NetworkPolicies the API server would reject. Lists are returned as written; the model
 * flattens them.
 */
export function loadManifests(paths: readonly string[]): ManifestDocument[] {
  const files = listManifestFiles(paths);
  const docs = files.flatMap(file => parseDocuments(readManifestFile(file), file));
  if (docs.length === 0) {
    // An empty file is not an empty cluster: a failed `cdk8s synth > out.yaml` looks just like it.
    const why = 'empty, or only comments and \'---\'; check that the manifests were written';
    throw files.length === 1
      ? new InputError(`holds no Kubernetes object: it is ${why}`, files[0])
      : new InputError(`no Kubernetes object in ${paths.join(', ')}: every file is ${why}`);
  }
  checkNetworkPolicies(docs);
  return docs.map(({ object, source }) => ({ object, source }));
}
