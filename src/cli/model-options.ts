/**
 * Options every analysing command (reach, explain, lint, diff) takes about how the input is read:
 * spread `MODEL_OPTIONS` into the command's parseArgs options, pass `readModelOptions(values)`
 * to `loadInput`, and add `MODEL_OPTIONS_USAGE` to its usage text.
 */
import { UsageError } from './command';
import { HOST_NETWORK_MODES, type HostNetworkMode, isHostNetworkMode } from '../analysis/host-network-mode';

export const MODEL_OPTIONS = {
  'host-network': { type: 'string', default: 'node' },
} as const;

export const MODEL_OPTIONS_USAGE = `      --host-network <mode>  how pods with hostNetwork: true are read: node (default: node
                             traffic, never selected) or pod (ordinary pods, as np-guard reads them)`;

/** How a command reads its input, from its parsed options. */
export interface ModelOptions {
  readonly hostNetwork: HostNetworkMode;
}

export function readModelOptions(values: { readonly 'host-network'?: string }): ModelOptions {
  const hostNetwork = values['host-network'] ?? 'node';
  if (!isHostNetworkMode(hostNetwork)) {
    throw new UsageError(`unknown --host-network mode '${hostNetwork}'; use one of ${HOST_NETWORK_MODES.join(', ')}`);
  }
  return { hostNetwork };
}
