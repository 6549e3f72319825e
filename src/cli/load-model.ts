import { UsageError } from './command';
import type { ClusterModel } from '../analysis/model';
import { buildModel } from '../analysis/model-builder';
import { loadManifests } from '../io';

/** The input files and folders every analysing command takes, read into a model (InputError when unreadable). */
export function loadModel(paths: readonly string[]): ClusterModel {
  if (paths.length === 0) throw new UsageError('no input: give one or more manifest files or folders');
  return buildModel(loadManifests(paths));
}
