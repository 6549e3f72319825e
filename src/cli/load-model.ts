import { type CliIo, UsageError } from './command';
import type { ModelOptions } from './model-options';
import { withHostNetworkMode } from '../analysis/host-network-mode';
import type { ClusterModel } from '../analysis/model';
import { withClusterContext } from '../context';
import { type InvalidPolicies, type LoadedModel, loadManifests, loadModel, modelOf } from '../io';
import { locationPrefix } from '../io/input-error';

/**
 * The input files and folders every analysing command takes, through the shared load pipeline
 * (InputError when unreadable). What the model warns about (an object written twice, an API
 * version the server no longer serves…) goes to stderr, one line each, before any output.
 * `options`: how the input is read (model-options.ts).
 */
export function loadInput(paths: readonly string[], io: CliIo, invalidPolicies: InvalidPolicies = 'refuse', options?: ModelOptions): LoadedModel {
  if (paths.length === 0) throw new UsageError('no input: give one or more manifest files or folders');
  const loaded = options?.context.length
    ? modelOf(withClusterContext(loadManifests(paths), options.context), invalidPolicies)
    : loadModel(paths, invalidPolicies);
  for (const warning of loaded.model.warnings) io.stderr(`cdk8s-netpol: ${warning}\n`);
  return options ? { ...loaded, model: withHostNetworkMode(loaded.model, options.hostNetwork) } : loaded;
}

/** `--verbose`: one stderr line per object the model left out (unknown kinds, CRDs, Services…), so a misspelt kind is not lost silently. */
export function reportIgnored(model: ClusterModel, io: CliIo): void {
  for (const { apiVersion, kind, name, source } of model.ignored) {
    const what = [apiVersion, kind ?? '(no kind)', name ?? '(unnamed)'].filter(part => part !== undefined).join(' ');
    io.stderr(`cdk8s-netpol: ${locationPrefix(source?.file, source?.line)}ignored ${what}: not a workload, Namespace or NetworkPolicy\n`);
  }
}
