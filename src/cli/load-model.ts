import { type CliIo, UsageError } from './command';
import type { ClusterModel } from '../analysis/model';
import { buildModel } from '../analysis/model-builder';
import { loadManifests } from '../io';
import { locationPrefix } from '../io/input-error';

/** The input files and folders every analysing command takes, read into a model (InputError when unreadable). */
export function loadModel(paths: readonly string[]): ClusterModel {
  if (paths.length === 0) throw new UsageError('no input: give one or more manifest files or folders');
  return buildModel(loadManifests(paths));
}

/** `--verbose`: one stderr line per object the model left out (unknown kinds, CRDs, Services…), so a misspelt kind is not lost silently. */
export function reportIgnored(model: ClusterModel, io: CliIo): void {
  for (const { apiVersion, kind, name, source } of model.ignored) {
    const what = [apiVersion, kind ?? '(no kind)', name ?? '(unnamed)'].filter(part => part !== undefined).join(' ');
    io.stderr(`cdk8s-netpol: ${locationPrefix(source?.file, source?.line)}ignored ${what}: not a workload, Namespace or NetworkPolicy\n`);
  }
}
