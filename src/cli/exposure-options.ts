/**
 * `reach --exposure` and `--explain-exposure` (docs/exposure.md): the options, spread into the
 * reach command's parseArgs options, and the output they ask for.
 */
import { type CliIo, UsageError } from './command';
import { computeExposure } from '../analysis/exposure';
import type { ClusterModel } from '../analysis/model';
import type { Reachability } from '../analysis/results';
import { EXPOSURE_FORMAT_NAMES, isExposureFormatName, renderExposure } from '../render';

export const EXPOSURE_OPTIONS = {
  'exposure': { type: 'boolean' },
  'explain-exposure': { type: 'boolean' },
} as const;

export const EXPOSURE_USAGE = `      --exposure         after the connections, to which pods that may not be in the input
                         each workload is open (np-guard's exposure analysis: entire-cluster,
                         [namespace with {k=v}]/[pod with {k=v}]), and which no policy protects;
                         with -o ${EXPOSURE_FORMAT_NAMES.join(', ')}
      --explain-exposure with --exposure: name the NetworkPolicy rules behind each line`;

export interface ExposureValues {
  readonly 'exposure'?: boolean;
  readonly 'explain-exposure'?: boolean;
}

/**
 * The connection list followed by the exposure section, or undefined without `--exposure`.
 * Cluster-scoped policies are not read by the exposure analysis: a warning on stderr says so.
 * @param focus the `--focus` workload id, which narrows the exposure lines too
 */
export function exposureOutput(
  values: ExposureValues, model: ClusterModel, shown: Reachability, format: string, io: CliIo, focus?: string,
): string | undefined {
  if (values['explain-exposure'] && !values.exposure) throw new UsageError('--explain-exposure explains the lines of --exposure: add --exposure');
  if (!values.exposure) return undefined;
  if (!isExposureFormatName(format)) {
    throw new UsageError(`--exposure prints as ${EXPOSURE_FORMAT_NAMES.join(', ')}, not '${format}'; use -o ${EXPOSURE_FORMAT_NAMES.join('|')}`);
  }
  const clusterPolicies = model.clusterPolicies?.length ?? 0;
  if (clusterPolicies > 0) {
    io.stderr(`cdk8s-netpol: --exposure reads NetworkPolicies only: the ${clusterPolicies} cluster-scoped policies of the input`
      + ' (ClusterNetworkPolicy, AdminNetworkPolicy) are left out of the exposure section (docs/exposure.md)\n');
  }
  return renderExposure(shown, computeExposure(model), format, { focus, explain: values['explain-exposure'] });
}
