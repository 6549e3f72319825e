import { UsageError } from './command';
import { resolveEndpoint } from '../analysis/explain';
import type { ClusterModel } from '../analysis/model';
import type { Endpoint } from '../analysis/results';

/** `--from shop/web`: resolved against the model; an unknown or ambiguous name is the user's mistake (exit 2), with candidates. */
export function resolveUserEndpoint(model: ClusterModel, ref: string, option: string): Endpoint {
  try {
    return resolveEndpoint(model, ref);
  } catch (e) {
    throw new UsageError(`${option}: ${(e as Error).message}`, { cause: e });
  }
}
