import { UsageError } from './command';
import { resolveEndpoint } from '../analysis/explain';
import type { ClusterModel } from '../analysis/model';
import type { Endpoint, IpRange } from '../analysis/results';

/**
 * `--from shop/web`: resolved against the model; an unknown or ambiguous name is the user's mistake (exit 2), with candidates.
 * `ranges`: the external ranges `ref` may name (default: the fine cut explain evaluates on).
 */
export function resolveUserEndpoint(model: ClusterModel, ref: string, option: string, ranges?: readonly IpRange[]): Endpoint {
  try {
    return resolveEndpoint(model, ref, ranges);
  } catch (e) {
    throw new UsageError(`${option}: ${(e as Error).message}`, { cause: e });
  }
}
