/**
 * Options every analysing command (reach, explain, lint, diff) takes about how the input is read:
 * spread `MODEL_OPTIONS` into the command's parseArgs options, pass `readModelOptions(values)`
 * to `loadInput`, and add `MODEL_OPTIONS_USAGE` to its usage text.
 */
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import { HOST_NETWORK_MODES, type HostNetworkMode, isHostNetworkMode } from '../analysis/host-network-mode';
import { contextPresets, PRESET_NAMES, splitPresetNames, UnknownPresetError } from '../context';

export const MODEL_OPTIONS = {
  'host-network': { type: 'string', default: 'node' },
  'context': { type: 'string', multiple: true, default: [] as string[] },
} satisfies ParseArgsConfig['options'];

export const MODEL_OPTIONS_USAGE = `      --context <presets>    what the cluster runs beside the input, added to it (comma-separated,
                             docs/cluster-context.md): ${PRESET_NAMES.join(', ')}
      --host-network <mode>  how pods with hostNetwork: true are read: node (default: node
                             traffic, never selected) or pod (ordinary pods, as np-guard reads them)`;

/** How a command reads its input, from its parsed options. */
export interface ModelOptions {
  readonly hostNetwork: HostNetworkMode;
  /** Cluster context presets to add to the input, by name (validated). */
  readonly context: readonly string[];
}

export function readModelOptions(values: { readonly 'host-network'?: string; readonly 'context'?: readonly string[] }): ModelOptions {
  const hostNetwork = values['host-network'] ?? 'node';
  if (!isHostNetworkMode(hostNetwork)) {
    throw new UsageError(`unknown --host-network mode '${hostNetwork}'; use one of ${HOST_NETWORK_MODES.join(', ')}`);
  }
  const context = splitPresetNames(values.context ?? []);
  try {
    contextPresets(context);
  } catch (e) {
    if (e instanceof UnknownPresetError) throw new UsageError(`--context: ${e.message}`, { cause: e });
    throw e;
  }
  return { hostNetwork, context };
}
