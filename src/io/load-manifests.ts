import { checkNetworkPolicies } from './check-network-policies';
import { parseDocuments } from './parse-documents';
import { listManifestFiles, readManifestFile } from './read-files';
import type { ManifestDocument } from '../analysis/model';

/**
 * Reads manifests from files and folders for the analyzer. Throws InputError (never anything
 * else for bad input) naming the file, line and column: unreadable paths, malformed YAML/JSON,
 * refused aliases, and NetworkPolicies the API server would reject. Lists are returned as
 * written; the model flattens them.
 */
export function loadManifests(paths: readonly string[]): ManifestDocument[] {
  const docs = listManifestFiles(paths).flatMap(file => parseDocuments(readManifestFile(file), file));
  checkNetworkPolicies(docs);
  return docs.map(({ object, source }) => ({ object, source }));
}
