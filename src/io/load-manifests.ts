import { InputError } from './input-error';
import { type ParsedDocument, parseDocuments } from './parse-documents';
import { listManifestFiles, readManifestFile } from './read-files';

/**
 * Reads manifests from files and folders: every document of every file, parsed, each able to
 * point at a field's line. Throws InputError (never anything else for bad input) naming the
 * file, line and column: unreadable paths, malformed YAML/JSON, refused aliases, files over the
 * size limit or not UTF-8, input without a single object. Lists are returned as written; the
 * model flattens them. The API-server checks are the next step of the pipeline (load-model.ts).
 */
export function loadManifests(paths: readonly string[]): ParsedDocument[] {
  const files = listManifestFiles(paths);
  const docs = files.flatMap(file => parseDocuments(readManifestFile(file), file));
  if (docs.length === 0) {
    // An empty file is not an empty cluster: a failed `cdk8s synth > out.yaml` looks just like it.
    const why = 'empty, or only comments and \'---\'; check that the manifests were written';
    throw files.length === 1
      ? new InputError(`holds no Kubernetes object: it is ${why}`, files[0])
      : new InputError(`no Kubernetes object in ${paths.join(', ')}: every file is ${why}`);
  }
  return docs;
}
