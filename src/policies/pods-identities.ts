import { LabelSelectorJson } from '../vocabulary/kube-json';
import { PodSelector } from '../vocabulary/pod-selector';

/** The label cdk8s-plus gives every pod of a workload (or Pod): its own, unique value. */
const CDK8S_PLUS_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/**
 * What identifies a member's pods: the selector as written, and the cdk8s-plus workload whose pods
 * they are, when that is certain (a workload, or a selector of exactly the address label
 * cdk8s-plus gives its pods, as a cdk8s-plus Service of a workload has). A workload and the
 * Service in front of it are so one member, whichever selector each has.
 */
export function podsIdentities(namespace: string | undefined, pods: PodSelector, selector: string): string[] {
  const workload = pods._workload;
  const address = workload
    ? workload.podMetadata.toJson()?.labels?.[CDK8S_PLUS_ADDRESS_LABEL]
    : onlyAddressLabel(pods._toKube());
  const keys = [`${namespace ?? ''}\nselector ${selector}`];
  if (typeof address === 'string') keys.push(`${namespace ?? ''}\npods of cdk8s-plus workload ${address}`);
  return keys;
}

function onlyAddressLabel(selector: LabelSelectorJson): string | undefined {
  const labels = selector.matchLabels ?? {};
  const keys = Object.keys(labels);
  return selector.matchExpressions === undefined && keys.length === 1 && keys[0] === CDK8S_PLUS_ADDRESS_LABEL ? labels[keys[0]] : undefined;
}
