import { Construct } from 'constructs';
import { DnsResolver } from './dns-resolver';
import { describe, NetworkPolicyOptions, ValidatedNetworkPolicy, writePolicy } from './network-policy';
import { PodSelector } from '../vocabulary/pod-selector';

/**
 * Props for `DnsEgress`.
 */
export interface DnsEgressProps extends NetworkPolicyOptions {
  /**
   * The pods that may resolve names.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * The DNS servers they may query. Use `DnsResolver.combine()` for several.
   *
   * @default DnsResolver.kubeDns()
   */
  readonly resolver?: DnsResolver;
}

/**
 * Allows DNS queries (UDP and TCP) from the selected pods to the cluster's resolver: what egress
 * isolation (`DefaultDeny`) otherwise breaks first. If `kube-system` has its own default deny, the
 * DNS pods need an ingress allow there too.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class DnsEgress extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: DnsEgressProps = {}) {
    super(scope, id, props);
    writePolicy(this, describe('DnsEgress', this), () => ({
      pods: props.pods ?? PodSelector.all(),
      egress: (props.resolver ?? DnsResolver.kubeDns())._rules,
    }));
  }
}
